package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SMS the day before each booked session, sent from a scheduled job on every node
 * ({@code app.izgim.calendar.reminder-interval}, every 15 minutes): the sessions of tomorrow not yet reminded are
 * claimed one by one by a conditional update of their {@code reminder_sent_at} in the same transaction as the SMS's
 * outbox row, so two nodes never both send one (the second node's update waits for the first's commit and then
 * finds the session reminded; the outbox's dedup key {@code izgim-reminder:<id>} refuses a second row too). A
 * session cancelled before the job runs gets no reminder. The same tick serves the waiting lines, as days move into
 * the booking horizon. Logs name sessions by id only.
 */
@Component
class SessionReminders {

    private static final Logger LOG = LoggerFactory.getLogger(SessionReminders.class);

    private final JdbcTemplate jdbc;
    private final CalendarNotices notices;
    private final WaitingList waitingList;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SessionReminders(JdbcTemplate jdbc, CalendarNotices notices, WaitingList waitingList, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.waitingList = waitingList;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${app.izgim.calendar.reminder-interval:PT15M}",
        initialDelayString = "${app.izgim.calendar.reminder-initial-delay:PT1M}")
    void tick() {
        int sent = sendDueReminders();
        Integer booked = transaction.execute(status -> waitingList.offerAll());
        if (sent > 0 || booked != null && booked > 0) {
            LOG.info("{} session reminders queued, {} waiting series booked", sent, booked);
        }
    }

    /**
     * Queues the reminders of tomorrow's sessions that have none yet; without the case store (no counselling process
     * in this application) nothing is claimed, so the reminders go out once it is there.
     *
     * @return how many reminders this call claimed
     */
    int sendDueReminders() {
        if (!notices.available()) {
            return 0;
        }
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        List<CalendarSession> due = jdbc.query(SessionActions.SELECT + "where s.status = 'BOOKED' and s.reminder_sent_at is null "
                + "and s.slot_start >= ? and s.slot_start < ? order by s.slot_start", SessionActions.SESSION,
            Timestamp.valueOf(tomorrow.atStartOfDay()), Timestamp.valueOf(tomorrow.plusDays(1).atStartOfDay()));
        int claimed = 0;
        for (CalendarSession session : due) {
            Boolean mine = transaction.execute(status -> {
                if (jdbc.update("update izg_session set reminder_sent_at = ? where id = ? and reminder_sent_at is null "
                        + "and status = 'BOOKED'", Timestamp.valueOf(LocalDateTime.now(clock)), session.id()) == 0) {
                    return false;
                }
                notices.remind(session.id(), session.caseKey(), session.start(), session.roomName());
                return true;
            });
            claimed += Boolean.TRUE.equals(mine) ? 1 : 0;
        }
        return claimed;
    }
}
