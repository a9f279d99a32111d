package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Attendance as a Tasklist form of the counselling process records it (added to the contract by the calendar): the
 * form lists the case's sessions and its listener records what the professional chose, as she (the session's own
 * professional, or a supervisor of the services). A refusal is a {@code ValidationFailedException} with a Turkish
 * message on the field {@value #SESSION_FIELD}, which Tasklist shows at the field; nothing is recorded then. The
 * staff API ({@code POST /api/staff/izgim/calendar/sessions/{id}/attendance}) applies the same rules.
 */
public interface SessionAttendance {

    /** The form field that names the session. */
    String SESSION_FIELD = "sessionId";

    /** A session of the case: when, where and what was recorded ({@code BOOKED}, {@code ATTENDED}, {@code NO_SHOW}, {@code CANCELLED}). */
    record SessionRecord(long id, LocalDateTime start, LocalDateTime end, String room, String status) {
    }

    /** The case's sessions, earliest first. */
    List<SessionRecord> sessionsOf(String caseKey);

    /**
     * Records {@code attendance} ({@code ATTENDED}, {@code NO_SHOW} or {@code CANCELLED}) for a session of the case, and
     * publishes {@link TwoNoShowsInARow} or {@link SeriesFinished} when it completes one.
     */
    void record(String caseKey, long sessionId, String attendance, String userId, boolean supervisor);
}
