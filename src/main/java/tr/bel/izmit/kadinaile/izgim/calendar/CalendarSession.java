package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDateTime;

/** A session as staff and the portal see it: no personal data, the case by its opaque key. */
record CalendarSession(long id, long seriesId, String caseKey, String trackingCode, CounsellingService service,
        String professionalId, String roomCode, String roomName, LocalDateTime start, String status) {

    static final String BOOKED = "BOOKED";
    static final String ATTENDED = "ATTENDED";
    static final String NO_SHOW = "NO_SHOW";
    static final String CANCELLED = "CANCELLED";

    LocalDateTime end() {
        return start.plus(WorkingDay.SESSION);
    }
}
