package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.izgim.calendar.SessionRefused.Why;

/**
 * What happens to a booked session: cancelled by the client (with her tracking code, up to
 * {@code app.izgim.calendar.client-cancel-until} before it) or by staff, moved by the client to another free slot of
 * her professional, attendance recorded by the professional (or the service's supervisor). Every change locks the
 * series' row first, so changes of one case are serialized across nodes and the events are published exactly once:
 * {@link TwoNoShowsInARow} when a recorded no-show has a no-show right before or after it (cancelled sessions left
 * aside), {@link SeriesFinished} when the last booked session of the case is recorded or cancelled. A freed slot is
 * offered to the professional's waiting line at once.
 */
@Component
class SessionActions {

    static final String BY_CLIENT = "CLIENT";
    static final String BY_STAFF = "STAFF";
    static final String BY_SERIES = "SERIES";
    private static final Logger LOG = LoggerFactory.getLogger(SessionActions.class);
    static final RowMapper<CalendarSession> SESSION = (rs, row) -> new CalendarSession(rs.getLong("id"), rs.getLong("series_id"),
        rs.getString("case_key"), rs.getString("tracking_code"), CounsellingService.valueOf(rs.getString("service")),
        rs.getString("professional_id"), rs.getString("room_code"), rs.getString("room_name"),
        rs.getTimestamp("slot_start").toLocalDateTime(), rs.getString("status"));
    static final String SELECT = "select s.*, r.name as room_name from izg_session s join izg_room r on r.code = s.room_code ";

    private final JdbcTemplate jdbc;
    private final SlotBooker booker;
    private final WaitingList waitingList;
    private final CalendarNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration clientCancelUntil;

    SessionActions(JdbcTemplate jdbc, SlotBooker booker, WaitingList waitingList, CalendarNotices notices,
            ApplicationEventPublisher events, Clock clock,
            @Value("${app.izgim.calendar.client-cancel-until:PT24H}") Duration clientCancelUntil) {
        this.jdbc = jdbc;
        this.booker = booker;
        this.waitingList = waitingList;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.clientCancelUntil = clientCancelUntil;
    }

    @Transactional(readOnly = true)
    Optional<CalendarSession> session(long id) {
        return jdbc.query(SELECT + "where s.id = ?", SESSION, id).stream().findFirst();
    }

    /** The sessions of the client's tracking code, earliest first (none for an unknown code). */
    @Transactional(readOnly = true)
    List<CalendarSession> ofTrackingCode(String trackingCode) {
        return jdbc.query(SELECT + "where s.tracking_code = ? order by s.slot_start, s.id", SESSION, trackingCode);
    }

    /** A professional's sessions from {@code from} (included) to {@code to} (excluded), earliest first. */
    @Transactional(readOnly = true)
    List<CalendarSession> ofProfessional(String professionalId, LocalDateTime from, LocalDateTime to) {
        return jdbc.query(SELECT + "where s.professional_id = ? and s.slot_start >= ? and s.slot_start < ? order by s.slot_start",
            SESSION, professionalId, Timestamp.valueOf(from), Timestamp.valueOf(to));
    }

    /** Whether the client may still cancel or move the session herself. */
    boolean clientMayChange(CalendarSession session) {
        return CalendarSession.BOOKED.equals(session.status())
            && !session.start().isBefore(LocalDateTime.now(clock).plus(clientCancelUntil));
    }

    /** The free slots the client may move a session to: her professional's next ones after the notice. */
    @Transactional(readOnly = true)
    List<LocalDateTime> rebookingOffers(CalendarSession session, int limit) {
        LocalDateTime notBefore = booker.earliestStart();
        LocalDateTime clientNotice = LocalDateTime.now(clock).plus(clientCancelUntil);
        return booker.freeSlots(session.professionalId(), session.service(),
            clientNotice.isAfter(notBefore) ? clientNotice : notBefore, limit);
    }

    /** The client cancels a session of hers. */
    @Transactional
    CalendarSession cancelByClient(String trackingCode, long sessionId) {
        CalendarSession session = clientsSession(trackingCode, sessionId);
        return cancel(session.id(), BY_CLIENT, null);
    }

    /** The client moves a session of hers to another free slot of her professional. */
    @Transactional
    CalendarSession rebookByClient(String trackingCode, long sessionId, LocalDateTime newStart) {
        CalendarSession session = clientsSession(trackingCode, sessionId);
        if (!rebookingOffers(session, 1000).contains(newStart)) {
            throw new SessionRefused(Why.CONFLICT, Texts.get("izgim.calendar.refused.slot-taken"));
        }
        Series series = seriesOf(session);
        BookedSession moved = booker.bookAt(series, newStart)
            .orElseThrow(() -> new SessionRefused(Why.CONFLICT, Texts.get("izgim.calendar.refused.slot-taken")));
        cancel(session.id(), BY_CLIENT, null);
        return session(moved.id()).orElseThrow();
    }

    /**
     * Cancels a booked session and offers its slot to the waiting line; the client is told by SMS when staff
     * cancelled it. Refused when the session is no longer booked.
     */
    @Transactional
    CalendarSession cancel(long sessionId, String by, String userId) {
        CalendarSession session = lockedSession(sessionId);
        if (!CalendarSession.BOOKED.equals(session.status())) {
            throw new SessionRefused(Why.CONFLICT, Texts.get("izgim.calendar.refused.not-booked"));
        }
        jdbc.update("update izg_session set status = 'CANCELLED', professional_hold = null, room_hold = null, cancelled_by = ?, "
                + "recorded_by = ?, recorded_at = ? where id = ?", by, userId, now(), sessionId);
        LOG.info("Session {} cancelled ({})", sessionId, by);
        if (BY_STAFF.equals(by)) {
            notices.cancelledByStaff(sessionId, session.caseKey(), session.start());
        }
        waitingList.offer(session.professionalId(), -1);
        if (!BY_SERIES.equals(by)) {
            publishIfFinished(session.caseKey());
        }
        return session(sessionId).orElseThrow();
    }

    /**
     * The professional of the session, or a supervisor of the services, records what happened; ATTENDED and NO_SHOW
     * only once the session has begun, CANCELLED any time before it is recorded.
     */
    @Transactional
    CalendarSession record(long sessionId, Attendance attendance, String userId, boolean supervisor) {
        CalendarSession session = session(sessionId)
            .orElseThrow(() -> new SessionRefused(Why.NOT_FOUND, Texts.get("izgim.calendar.refused.not-found")));
        if (!supervisor && !session.professionalId().equals(userId)) {
            throw new SessionRefused(Why.NOT_YOURS, Texts.get("izgim.calendar.refused.not-yours"));
        }
        if (attendance == Attendance.CANCELLED) {
            return cancel(sessionId, BY_STAFF, userId);
        }
        CalendarSession locked = lockedSession(sessionId);
        if (!CalendarSession.BOOKED.equals(locked.status())) {
            throw new SessionRefused(Why.CONFLICT, Texts.get("izgim.calendar.refused.already-recorded"));
        }
        if (locked.start().isAfter(LocalDateTime.now(clock))) {
            throw new SessionRefused(Why.CONFLICT, Texts.get("izgim.calendar.refused.not-begun"));
        }
        jdbc.update("update izg_session set status = ?, recorded_by = ?, recorded_at = ? where id = ?",
            attendance.name(), userId, now(), sessionId);
        if (attendance == Attendance.NO_SHOW && noShowBesides(locked)) {
            events.publishEvent(new TwoNoShowsInARow(locked.caseKey()));
        }
        publishIfFinished(locked.caseKey());
        return session(sessionId).orElseThrow();
    }

    private CalendarSession clientsSession(String trackingCode, long sessionId) {
        CalendarSession session = session(sessionId).filter(s -> s.trackingCode() != null && s.trackingCode().equals(trackingCode))
            .orElseThrow(() -> new SessionRefused(Why.NOT_FOUND, Texts.get("izgim.calendar.refused.not-found")));
        if (!CalendarSession.BOOKED.equals(session.status())) {
            throw new SessionRefused(Why.CONFLICT, Texts.get("izgim.calendar.refused.not-booked"));
        }
        if (!clientMayChange(session)) {
            throw new SessionRefused(Why.CONFLICT,
                Texts.get("izgim.calendar.refused.too-late", clientCancelUntil.toHours()));
        }
        return session;
    }

    /** The session after its series' row is locked: one change of a case at a time, on every node. */
    private CalendarSession lockedSession(long sessionId) {
        CalendarSession session = session(sessionId)
            .orElseThrow(() -> new SessionRefused(Why.NOT_FOUND, Texts.get("izgim.calendar.refused.not-found")));
        jdbc.queryForList("select id from izg_series where id = ? for update", Long.class, session.seriesId());
        return session(sessionId).orElseThrow();
    }

    private Series seriesOf(CalendarSession session) {
        return jdbc.queryForObject("select * from izg_series where id = ?", WaitingList.SERIES, session.seriesId());
    }

    /** Whether the session's neighbour before or after it (cancelled ones left aside) was a no-show too. */
    private boolean noShowBesides(CalendarSession session) {
        List<CalendarSession> held = jdbc.query(SELECT + "where s.case_key = ? and s.status <> 'CANCELLED' order by s.slot_start",
            SESSION, session.caseKey());
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).id() == session.id()) {
                return i > 0 && CalendarSession.NO_SHOW.equals(held.get(i - 1).status())
                    || i + 1 < held.size() && CalendarSession.NO_SHOW.equals(held.get(i + 1).status());
            }
        }
        return false;
    }

    /** SeriesFinished when the case has held sessions and none booked any more. */
    private void publishIfFinished(String caseKey) {
        Integer booked = jdbc.queryForObject("select count(*) from izg_session where case_key = ? and status = 'BOOKED'",
            Integer.class, caseKey);
        Integer held = jdbc.queryForObject("select count(*) from izg_session where case_key = ? and status in ('ATTENDED', 'NO_SHOW')",
            Integer.class, caseKey);
        Integer waiting = jdbc.queryForObject("select count(*) from izg_series where case_key = ? and status = 'WAITING'",
            Integer.class, caseKey);
        if (booked == 0 && held > 0 && waiting == 0) {
            events.publishEvent(new SeriesFinished(caseKey));
        }
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock));
    }
}
