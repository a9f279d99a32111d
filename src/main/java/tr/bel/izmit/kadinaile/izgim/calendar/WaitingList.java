package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waiting line of each professional of a service: the series asked for and not yet booked ({@code izg_series}
 * with status WAITING), first come first served by their request. Whenever a slot may have become free (a
 * cancellation, a cancelled series, a new request, and every few minutes as the horizon moves on) the line is tried
 * from its head: the first series is booked whole from the earliest start (weekly, as any series), its client gets
 * an SMS and {@link WaitingSeriesBooked} is published; when the first does not fit, the line stops there, so nobody
 * behind her overtakes her.
 *
 * <p>A line is per professional, not per service: a case is assigned to its professional at intake and keeps her.
 * Two nodes trying the same line take its head in turns: the claim is a conditional update of its row (WAITING to
 * BOOKED), which the other node's update waits for and then finds done.
 */
@Component
class WaitingList {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingList.class);
    static final RowMapper<Series> SERIES = (rs, row) -> new Series(rs.getLong("id"), rs.getString("case_key"),
        rs.getString("tracking_code"), CounsellingService.valueOf(rs.getString("service")), rs.getString("professional_id"),
        rs.getInt("sessions"), rs.getDate("earliest_on").toLocalDate(), rs.getString("status"));

    private final JdbcTemplate jdbc;
    private final SlotBooker booker;
    private final CalendarNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WaitingList(JdbcTemplate jdbc, SlotBooker booker, CalendarNotices notices, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.booker = booker;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** Puts the case in its professional's line, or finds its place there if it stands in it already. */
    @Transactional
    Series enqueue(String caseKey, String trackingCode, CounsellingService service, String professionalId, int sessions,
            LocalDate earliestOn) {
        Optional<Series> waiting = jdbc.query("select * from izg_series where case_key = ? and status = 'WAITING' order by id",
            SERIES, caseKey).stream().findFirst();
        if (waiting.isPresent()) {
            jdbc.update("update izg_series set service = ?, professional_id = ?, sessions = ?, tracking_code = ?, earliest_on = ? "
                + "where id = ?", service.name(), professionalId, sessions, trackingCode, Date.valueOf(earliestOn), waiting.get().id());
            return new Series(waiting.get().id(), caseKey, trackingCode, service, professionalId, sessions, earliestOn, Series.WAITING);
        }
        jdbc.update("insert into izg_series (case_key, tracking_code, service, professional_id, sessions, earliest_on, status, "
                + "requested_at) values (?, ?, ?, ?, ?, ?, 'WAITING', ?)", caseKey, trackingCode, service.name(), professionalId,
            sessions, Date.valueOf(earliestOn), Timestamp.valueOf(LocalDateTime.now(clock)));
        return jdbc.queryForObject("select * from izg_series where case_key = ? and status = 'WAITING' order by id desc "
            + "fetch first 1 rows only", SERIES, caseKey);
    }

    /**
     * Books the professional's line from its head while its first series fits; the series {@code quiet} (the one the
     * caller asked for and hears about from the call itself) gets neither SMS nor event.
     *
     * @return the series booked, with their sessions
     */
    @Transactional
    List<Booked> offer(String professionalId, long quiet) {
        List<Booked> booked = new java.util.ArrayList<>();
        for (Series head = head(professionalId); head != null; head = head(professionalId)) {
            if (jdbc.update("update izg_series set status = 'BOOKED', booked_at = ? where id = ? and status = 'WAITING'",
                    Timestamp.valueOf(LocalDateTime.now(clock)), head.id()) == 0) {
                continue; // another node took it a moment ago
            }
            Optional<List<BookedSession>> sessions = booker.bookSeries(head, later(head.earliestOn(), LocalDate.now(clock)));
            if (sessions.isEmpty()) {
                jdbc.update("update izg_series set status = 'WAITING', booked_at = null where id = ?", head.id());
                break;
            }
            booked.add(new Booked(head, sessions.get()));
            if (head.id() != quiet) {
                // her process waits on its retry timer: its next call takes this series over (takeOver)
                jdbc.update("update izg_series set handover_pending = true where id = ?", head.id());
                LOG.info("Series {} booked from the waiting line", head.id());
                notices.seriesBooked(head.id(), head.caseKey(), sessions.get().get(0).start(), sessions.get().size());
                events.publishEvent(new WaitingSeriesBooked(head.caseKey(), sessions.get()));
            }
        }
        return booked;
    }

    /**
     * The series the line booked for this case while its process waited (on its retry timer), handed over once: its
     * sessions still booked, earliest first. Empty when there is none, or none of its sessions is still booked (then the
     * case asks anew). Two calls at once (two nodes) take it over once: the conditional update decides.
     */
    @Transactional
    Optional<List<BookedSession>> takeOver(String caseKey) {
        for (Long id : jdbc.queryForList("select id from izg_series where case_key = ? and status = 'BOOKED' "
                + "and handover_pending = true order by id", Long.class, caseKey)) {
            if (jdbc.update("update izg_series set handover_pending = false where id = ? and handover_pending = true", id) == 0) {
                continue;
            }
            List<BookedSession> sessions = jdbc.query("select id, slot_start, room_code from izg_session where series_id = ? "
                + "and status = 'BOOKED' order by slot_start", (rs, row) -> {
                    LocalDateTime start = rs.getTimestamp("slot_start").toLocalDateTime();
                    return new BookedSession(rs.getLong("id"), start, start.plus(WorkingDay.SESSION), rs.getString("room_code"));
                }, id);
            if (!sessions.isEmpty()) {
                LOG.info("Series {} booked from the waiting line taken over by its case", id);
                return Optional.of(sessions);
            }
        }
        return Optional.empty();
    }

    /** Tries every line that has someone waiting (the horizon moved on, or a closure was lifted). */
    @Transactional
    int offerAll() {
        int booked = 0;
        for (String professionalId : jdbc.queryForList("select distinct professional_id from izg_series where status = 'WAITING'",
                String.class)) {
            booked += offer(professionalId, -1).size();
        }
        return booked;
    }

    /** Takes the case out of every line (its series was cancelled). */
    @Transactional
    int remove(String caseKey) {
        return jdbc.update("update izg_series set status = 'CANCELLED' where case_key = ? and status = 'WAITING'", caseKey);
    }

    /** The case's place in its line, 1 first; empty when it waits in none. */
    @Transactional(readOnly = true)
    Optional<Integer> position(String caseKey) {
        return jdbc.query("select (select count(*) from izg_series o where o.professional_id = s.professional_id "
                + "and o.status = 'WAITING' and o.id <= s.id) from izg_series s where s.case_key = ? and s.status = 'WAITING'",
            (rs, row) -> rs.getInt(1), caseKey).stream().findFirst();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private Series head(String professionalId) {
        return jdbc.query("select * from izg_series where professional_id = ? and status = 'WAITING' order by id "
            + "fetch first 1 rows only", SERIES, professionalId).stream().findFirst().orElse(null);
    }

    record Booked(Series series, List<BookedSession> sessions) {
    }
}
