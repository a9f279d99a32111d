package tr.bel.izmit.kadinaile.producers;

/** Where a producer stands, from her application to her verified (and possibly suspended) shop. */
public enum ProducerStatus {
    /** Under review by the market coordinators (and the food-safety officers). */
    IN_REVIEW,
    /** The coordinators asked for more information; she has 14 days. */
    INFO_REQUESTED,
    WITHDRAWN,
    REJECTED,
    /** Approved: invited to the next solidarity meeting; no shop before she attends. */
    ORIENTATION,
    /** Attended the orientation; her shop is being opened (or she sells at stands only). */
    VERIFIED,
    /** Verified, then suspended by a coordinator (the reason is in the status history). */
    SUSPENDED;

    public boolean isOpen() {
        return this == IN_REVIEW || this == INFO_REQUESTED || this == ORIENTATION;
    }
}
