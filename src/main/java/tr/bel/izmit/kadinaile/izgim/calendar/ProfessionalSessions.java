package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions a professional works through in Tasklist's "Seanslarım" ({@code CalendarStaffController#mySessions}):
 * those of a period, and those that began earlier and still wait for their attendance to be recorded. One
 * professional's, or every professional's (for a supervisor). Read only; rows as {@link SessionActions} maps them.
 */
@Component
class ProfessionalSessions {

    private final JdbcTemplate jdbc;

    ProfessionalSessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sessions starting from {@code from} (included) to {@code to} (excluded), earliest first. */
    @Transactional(readOnly = true)
    List<CalendarSession> between(String professionalId, LocalDateTime from, LocalDateTime to) {
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.valueOf(from), Timestamp.valueOf(to)));
        return jdbc.query(SessionActions.SELECT + "where s.slot_start >= ? and s.slot_start < ?" + ofProfessional(professionalId, arguments)
            + " order by s.slot_start, s.professional_id, s.id", SessionActions.SESSION, arguments.toArray());
    }

    /** Booked sessions that began from {@code since} (included) to {@code before} (excluded): attendance not recorded yet. */
    @Transactional(readOnly = true)
    List<CalendarSession> awaitingRecord(String professionalId, LocalDateTime since, LocalDateTime before) {
        List<Object> arguments = new ArrayList<>(List.of(Timestamp.valueOf(since), Timestamp.valueOf(before)));
        return jdbc.query(SessionActions.SELECT + "where s.slot_start >= ? and s.slot_start < ? and s.status = 'BOOKED'"
            + ofProfessional(professionalId, arguments) + " order by s.slot_start, s.professional_id, s.id", SessionActions.SESSION,
            arguments.toArray());
    }

    private static String ofProfessional(String professionalId, List<Object> arguments) {
        if (professionalId == null) {
            return "";
        }
        arguments.add(professionalId);
        return " and s.professional_id = ?";
    }
}
