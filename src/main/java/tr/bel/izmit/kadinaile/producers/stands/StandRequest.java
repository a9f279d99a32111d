package tr.bel.izmit.kadinaile.producers.stands;

import java.time.Instant;
import java.time.LocalDate;

/** A producer's request for a stand at a location on a day, as stored in {@code st_request}. */
public record StandRequest(long id, String trackingCode, String processInstanceId, long producerId, String locationCode,
        LocalDate standDate, String note, Status status, String declineReason, Instant requestedAt) {

    public enum Status {
        /** Waiting for places to be handed out, or for a place to be freed. */
        WAITING,
        /** A place is held for it until a coordinator confirms or declines. */
        HELD,
        CONFIRMED,
        DECLINED,
        CANCELLED,
        NO_PLACE;

        public boolean holdsPlace() {
            return this == HELD || this == CONFIRMED;
        }

        public boolean isActive() {
            return this == WAITING || this == HELD || this == CONFIRMED;
        }
    }
}
