package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The calendar as the counselling process uses it (bean {@code calendar}). A series request joins its professional's
 * waiting line and the line is served from its head ({@link WaitingList}), so a new request never overtakes a case
 * that waits; when the request's own series cannot be placed it stays in the line and the caller gets
 * {@link CalendarFullException}. That exception does not roll the caller's transaction back: the caller catches it
 * and commits, and the case keeps its place in the line. Everything else runs in the caller's transaction (the
 * engine's, when a delegate calls), so a rolled-back step books nothing.
 */
@Component("calendar")
class SessionBookings implements SessionCalendar {

    static final int MAX_SESSIONS = 52;

    private final WaitingList waitingList;
    private final SessionActions actions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SessionBookings(WaitingList waitingList, SessionActions actions, JdbcTemplate jdbc, Clock clock) {
        this.waitingList = waitingList;
        this.actions = actions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(noRollbackFor = CalendarFullException.class)
    public List<BookedSession> bookSeries(String caseKey, String trackingCode, CounsellingService service,
            String professionalUserId, int sessions, LocalDate from) {
        Objects.requireNonNull(caseKey, "caseKey");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(professionalUserId, "professionalUserId");
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be 1.." + MAX_SESSIONS + ": " + sessions);
        }
        List<BookedSession> fromTheLine = bookedFromTheLine(caseKey);
        if (!fromTheLine.isEmpty()) {
            return fromTheLine;
        }
        LocalDate start = from == null || from.isBefore(LocalDate.now(clock)) ? LocalDate.now(clock) : from;
        Series series = waitingList.enqueue(caseKey, trackingCode, service, professionalUserId, sessions, start);
        for (WaitingList.Booked booked : waitingList.offer(professionalUserId, series.id())) {
            if (booked.series().id() == series.id()) {
                return booked.sessions();
            }
        }
        throw new CalendarFullException(Texts.get("izgim.calendar.full", waitingList.position(caseKey).orElse(1)));
    }

    /**
     * The series the waiting line booked for the case while its process waited to ask again (after
     * {@link CalendarFullException} it retries a day later): its latest series, booked, with no session held yet. The
     * retry gets that series instead of joining the line a second time (and, once a slot is free, a second series).
     * A new series after a closed one is never taken for it: the earlier series has sessions held.
     */
    private List<BookedSession> bookedFromTheLine(String caseKey) {
        List<Series> latest = jdbc.query("select * from izg_series where case_key = ? order by id desc fetch first 1 rows only",
            WaitingList.SERIES, caseKey);
        if (latest.isEmpty() || !Series.BOOKED.equals(latest.get(0).status())) {
            return List.of();
        }
        long seriesId = latest.get(0).id();
        Integer held = jdbc.queryForObject("select count(*) from izg_session where series_id = ? and status in ('ATTENDED', 'NO_SHOW')",
            Integer.class, seriesId);
        if (held != null && held > 0) {
            return List.of();
        }
        return jdbc.query("select id, slot_start, room_code from izg_session where series_id = ? and status = 'BOOKED' "
            + "order by slot_start", (rs, row) -> {
                LocalDateTime slot = rs.getTimestamp("slot_start").toLocalDateTime();
                return new BookedSession(rs.getLong("id"), slot, slot.plus(WorkingDay.SESSION), rs.getString("room_code"));
            }, seriesId);
    }

    @Override
    @Transactional
    public void cancelSeries(String caseKey) {
        waitingList.remove(caseKey);
        List<Long> future = jdbc.queryForList("select id from izg_session where case_key = ? and status = 'BOOKED' "
            + "and slot_start > ? order by slot_start", Long.class, caseKey, Timestamp.valueOf(LocalDateTime.now(clock)));
        for (Long session : future) {
            actions.cancel(session, SessionActions.BY_SERIES, null);
        }
    }
}
