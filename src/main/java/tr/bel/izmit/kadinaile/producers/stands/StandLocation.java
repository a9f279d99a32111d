package tr.bel.izmit.kadinaile.producers.stands;

/** A place where producers sell: a street, the daily stands, a festival, the Karaabdülbaki village market. */
public record StandLocation(String code, String name, Kind kind, int capacity, int displayOrder, boolean active) {

    public enum Kind {
        STREET,
        DAILY,
        FESTIVAL,
        VILLAGE_MARKET
    }
}
