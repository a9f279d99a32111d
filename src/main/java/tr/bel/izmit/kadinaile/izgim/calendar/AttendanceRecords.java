package tr.bel.izmit.kadinaile.izgim.calendar;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/** {@link SessionAttendance} over {@link SessionActions}, for the counselling process's Tasklist form. */
@Component
class AttendanceRecords implements SessionAttendance {

    private final SessionActions actions;
    private final JdbcTemplate jdbc;

    AttendanceRecords(SessionActions actions, JdbcTemplate jdbc) {
        this.actions = actions;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SessionRecord> sessionsOf(String caseKey) {
        return jdbc.query(SessionActions.SELECT + "where s.case_key = ? order by s.slot_start, s.id", SessionActions.SESSION, caseKey)
            .stream().map(s -> new SessionRecord(s.id(), s.start(), s.end(), s.roomName(), s.status())).toList();
    }

    @Override
    @Transactional
    public void record(String caseKey, long sessionId, String attendance, String userId, boolean supervisor) {
        Attendance chosen;
        try {
            chosen = Attendance.valueOf(attendance == null ? "" : attendance);
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("attendance", Texts.get("izgim.calendar.validation.attendance"));
        }
        if (actions.session(sessionId).filter(s -> s.caseKey().equals(caseKey)).isEmpty()) {
            throw ValidationFailedException.of(SESSION_FIELD, Texts.get("izgim.calendar.refused.not-found"));
        }
        try {
            actions.record(sessionId, chosen, userId, supervisor);
        } catch (SessionRefused refused) {
            throw ValidationFailedException.of(SESSION_FIELD, refused.getMessage());
        }
    }
}
