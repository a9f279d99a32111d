package tr.bel.izmit.kadinaile.izgim.calendar;

/** No free slot for the requested series within the booking horizon. */
public class CalendarFullException extends RuntimeException {

    public CalendarFullException(String message) {
        super(message);
    }
}
