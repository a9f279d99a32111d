package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The calendar as the counselling process uses it (bean {@code calendar}). A series request joins its professional's
 * waiting line and the line is served from its head ({@link WaitingList}), so a new request never overtakes a case
 * that waits; when the request's own series cannot be placed it stays in the line and the caller gets
 * {@link CalendarFullException}. When the line later books her series (her process waits on its retry timer then), the
 * case's next request takes that series over instead of booking a second one. That exception does not roll the caller's transaction back: the caller catches it
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
        // the line booked her series while she waited (the SMS has gone): that one, not a second series
        Optional<List<BookedSession>> bookedWhileWaiting = waitingList.takeOver(caseKey);
        if (bookedWhileWaiting.isPresent()) {
            return bookedWhileWaiting.get();
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
