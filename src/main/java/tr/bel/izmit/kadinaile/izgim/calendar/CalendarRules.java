package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * When a professional can see clients: her working hours per weekday ({@code izg_working_hours}; without rows the
 * centre's default, weekdays 09:00-17:00), less Turkey's official holidays and the closures staff add for the centre
 * or for her ({@code izg_closure}), as the slots of a day. Closures are read per request, so a closure added on one
 * node counts on every node from its commit.
 */
@Component
class CalendarRules {

    static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    static final LocalTime DEFAULT_END = LocalTime.of(17, 0);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CentreProfessionals professionals;

    CalendarRules(JdbcTemplate jdbc, Clock clock, CentreProfessionals professionals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.professionals = professionals;
    }

    /** The professional's slots from {@code first} to {@code last} (both days included), earliest first. */
    @Transactional(readOnly = true)
    List<LocalDateTime> slots(String professionalId, LocalDate first, LocalDate last) {
        Map<DayOfWeek, LocalTime[]> hours = hoursOf(professionalId);
        Map<LocalDate, LocalTime> closures = closures(professionalId, first, last);
        List<LocalDateTime> slots = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            slots.addAll(workingDay(day, hours, closures).slots());
        }
        return slots;
    }

    /** Whether {@code start} is one of the professional's slots (on the hour, in her hours, on no closure). */
    @Transactional(readOnly = true)
    boolean isSlot(String professionalId, LocalDateTime start) {
        return slots(professionalId, start.toLocalDate(), start.toLocalDate()).contains(start);
    }

    /**
     * Adds a closure of the centre (professional null) or of one professional, a whole day or from an hour on. A
     * professional who is none of the centre's (a typing error) is refused on the field {@code professionalId}: such a
     * closure would close nobody's calendar. Sessions booked on it stay and are listed by {@code WorkingHours.toRebook}.
     */
    @Transactional
    void addClosure(LocalDate day, LocalTime from, String professionalId, String name, String createdBy) {
        if (professionalId != null && !professionals.isProfessional(professionalId)) {
            throw ValidationFailedException.of("professionalId", Texts.get("izgim.calendar.validation.closure-professional"));
        }
        jdbc.update("insert into izg_closure (closed_on, closed_from, professional_id, kind, name, created_by, created_at) "
                + "values (?, ?, ?, 'CLOSURE', ?, ?, ?)",
            Date.valueOf(day), from == null ? null : Time.valueOf(from), professionalId, name, createdBy,
            java.sql.Timestamp.valueOf(LocalDateTime.now(clock)));
    }

    /** A closed day or afternoon: an official holiday or one staff added, of the centre or of one professional. */
    record Closure(long id, LocalDate date, LocalTime from, String professionalId, String kind, String name) {
    }

    /** The closures from {@code first} to {@code last} (both included), of the centre and of every professional. */
    @Transactional(readOnly = true)
    List<Closure> closures(LocalDate first, LocalDate last) {
        return jdbc.query("select id, closed_on, closed_from, professional_id, kind, name from izg_closure where closed_on between ? "
                + "and ? order by closed_on, closed_from, id", (rs, row) -> new Closure(rs.getLong("id"), rs.getDate("closed_on").toLocalDate(),
                    rs.getTime("closed_from") == null ? null : rs.getTime("closed_from").toLocalTime(), rs.getString("professional_id"),
                    rs.getString("kind"), rs.getString("name")), Date.valueOf(first), Date.valueOf(last));
    }

    /**
     * Lifts a closure staff added; the official holidays stay (they change only with a migration). False when there is
     * no such closure; refused (conflict) for an official holiday.
     */
    @Transactional
    boolean liftClosure(long id) {
        List<String> kind = jdbc.queryForList("select kind from izg_closure where id = ?", String.class, id);
        if (kind.isEmpty()) {
            return false;
        }
        if (!"CLOSURE".equals(kind.get(0))) {
            throw new SessionRefused(SessionRefused.Why.CONFLICT, Texts.get("izgim.calendar.refused.official-holiday"));
        }
        return jdbc.update("delete from izg_closure where id = ? and kind = 'CLOSURE'", id) == 1;
    }

    static WorkingDay workingDay(LocalDate day, Map<DayOfWeek, LocalTime[]> hours, Map<LocalDate, LocalTime> closures) {
        LocalTime[] span = hours.get(day.getDayOfWeek());
        if (span == null || (closures.containsKey(day) && closures.get(day) == null)) {
            return WorkingDay.closed(day);
        }
        WorkingDay working = new WorkingDay(day, span[0], span[1]);
        return closures.containsKey(day) ? working.closedFrom(closures.get(day)) : working;
    }

    /** Her hours by weekday; a weekday without hours is absent. */
    private Map<DayOfWeek, LocalTime[]> hoursOf(String professionalId) {
        Map<DayOfWeek, LocalTime[]> hours = new HashMap<>();
        jdbc.query("select day_of_week, starts_at, ends_at from izg_working_hours where professional_id = ?", rs -> {
            LocalTime start = rs.getTime("starts_at").toLocalTime();
            LocalTime end = rs.getTime("ends_at").toLocalTime();
            if (end.isAfter(start)) {
                hours.put(DayOfWeek.of(rs.getInt("day_of_week")), new LocalTime[] {start, end});
            }
        }, professionalId);
        if (hours.isEmpty() && !hasOwnHours(professionalId)) {
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                hours.put(day, new LocalTime[] {DEFAULT_START, DEFAULT_END});
            }
        }
        return hours;
    }

    private boolean hasOwnHours(String professionalId) {
        Integer rows = jdbc.queryForObject("select count(*) from izg_working_hours where professional_id = ?", Integer.class,
            professionalId);
        return rows != null && rows > 0;
    }

    /** Closed days and afternoons: the day to the hour it closes from (null: the whole day), the earliest wins. */
    private Map<LocalDate, LocalTime> closures(String professionalId, LocalDate first, LocalDate last) {
        Map<LocalDate, LocalTime> closed = new HashMap<>();
        jdbc.query("select closed_on, closed_from from izg_closure where closed_on between ? and ? "
                + "and (professional_id is null or professional_id = ?)", rs -> {
                    LocalDate day = rs.getDate("closed_on").toLocalDate();
                    Time from = rs.getTime("closed_from");
                    LocalTime hour = from == null ? null : from.toLocalTime();
                    if (!closed.containsKey(day)) {
                        closed.put(day, hour);
                    } else if (closed.get(day) != null && (hour == null || hour.isBefore(closed.get(day)))) {
                        closed.put(day, hour);
                    }
                }, Date.valueOf(first), Date.valueOf(last), professionalId);
        return closed;
    }
}
