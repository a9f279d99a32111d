package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * No double booking on a real PostgreSQL 16, with bookings racing in separate transactions on separate connections
 * (as two nodes' would): one transaction holds an hour uncommitted while the other books the same professional from
 * the same day, and the second waits on the unique index, is refused when the first commits, and takes the next hour
 * behind a savepoint, its transaction still usable; then many bookings at once for two professionals sharing the
 * rooms, every professional and room at most once an hour. The constraints of V28 are tried directly too.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class SessionBookingPostgresIT {

    private static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 1, 8, 0);
    private static final LocalDate TUESDAY = LocalDate.of(2027, 3, 2);

    @Autowired
    SessionCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        jdbc.update("delete from izg_session");
        jdbc.update("delete from izg_series");
        ClockUtil.setCurrentTime(java.util.Date.from(NOW.atZone(tr.bel.izmit.kadinaile.common.ClockConfiguration.ISTANBUL).toInstant()));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldMakeTheSecondOfTwoRacingTransactionsWaitAndTakeTheNextHour() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstBooked = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<BookedSession>> first = threads.submit(() -> transaction.execute(status -> {
                List<BookedSession> booked = calendar.bookSeries("race-1", null, CounsellingService.ADULT_PSYCHOLOGY, "pg.psikolog", 1, TUESDAY);
                firstBooked.countDown();
                await(commitFirst);
                return booked;
            }));
            assertThat(firstBooked.await(60, TimeUnit.SECONDS)).isTrue();
            Future<List<BookedSession>> second = threads.submit(() -> transaction.execute(status -> {
                List<BookedSession> booked = calendar.bookSeries("race-2", null, CounsellingService.ADULT_PSYCHOLOGY, "pg.psikolog", 1, TUESDAY);
                // the transaction is still usable after the refused insert
                assertThat(jdbc.queryForObject("select count(*) from izg_session where case_key = 'race-2'", Integer.class)).isEqualTo(1);
                return booked;
            }));
            // the second insert waits for the first transaction's row in the unique index
            waitUntilSomeoneWaitsForALock();
            assertThat(second.isDone()).isFalse();
            commitFirst.countDown();

            BookedSession winner = first.get(60, TimeUnit.SECONDS).get(0);
            BookedSession next = second.get(60, TimeUnit.SECONDS).get(0);
            assertThat(winner.start()).isEqualTo(TUESDAY.atTime(9, 0));
            assertThat(next.start()).isEqualTo(TUESDAY.atTime(10, 0));
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForList("select slot_start from izg_session where professional_id = 'pg.psikolog' order by slot_start",
            Timestamp.class)).extracting(Timestamp::toLocalDateTime).containsExactly(TUESDAY.atTime(9, 0), TUESDAY.atTime(10, 0));
    }

    @Test
    void shouldBookEveryProfessionalAndRoomAtMostOnceAnHourUnderManyConcurrentBookings() throws Exception {
        int bookings = 24;
        CyclicBarrier start = new CyclicBarrier(8);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<BookedSession>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < bookings; i++) {
                String caseKey = "many-" + i;
                // three psychologists, three counselling rooms; the dietitians share one room
                String professional = i % 4 == 3 ? "pg.diyetisyen" + (i % 8 == 3 ? "1" : "2") : "pg.psikolog" + (i % 3);
                CounsellingService service = i % 4 == 3 ? CounsellingService.DIETITIAN : CounsellingService.ADULT_PSYCHOLOGY;
                boolean first = i < 8;
                results.add(threads.submit(() -> {
                    if (first) {
                        start.await(60, TimeUnit.SECONDS);
                    }
                    return calendar.bookSeries(caseKey, null, service, professional, 2, TUESDAY);
                }));
            }
            for (Future<List<BookedSession>> result : results) {
                assertThat(result.get(2, TimeUnit.MINUTES)).hasSize(2);
            }
        } finally {
            threads.shutdownNow();
        }
        List<Map<String, Object>> sessions = jdbc.queryForList("select professional_id, room_code, slot_start from izg_session "
            + "where status = 'BOOKED'");
        assertThat(sessions).hasSize(bookings * 2);
        Set<String> professionalHours = new HashSet<>();
        Set<String> roomHours = new HashSet<>();
        for (Map<String, Object> session : sessions) {
            assertThat(professionalHours.add(session.get("professional_id") + "@" + session.get("slot_start"))).isTrue();
            assertThat(roomHours.add(session.get("room_code") + "@" + session.get("slot_start"))).isTrue();
        }
        // the two dietitians never at the same hour: one room
        assertThat(jdbc.queryForObject("select count(*) from izg_session a join izg_session b on a.slot_start = b.slot_start "
            + "and a.id < b.id where a.service = 'DIETITIAN' and b.service = 'DIETITIAN'", Integer.class)).isZero();
        // the first hour of Tuesday went to one case per psychologist
        assertThat(jdbc.queryForObject("select count(*) from izg_session where slot_start = ? and service = 'ADULT_PSYCHOLOGY'",
            Integer.class, Timestamp.valueOf(TUESDAY.atTime(9, 0)))).isEqualTo(3);
    }

    @Test
    void shouldRefuseTheSecondBookingOfAnHourInPostgresItself() {
        BookedSession booked = calendar.bookSeries("pg-direct", null, CounsellingService.ADULT_PSYCHOLOGY, "pg.psikolog", 1, TUESDAY).get(0);
        long series = jdbc.queryForObject("select series_id from izg_session where id = ?", Long.class, booked.id());

        assertThatThrownBy(() -> insert(series, "pg.psikolog", "DANISMA_3".equals(booked.room()) ? "DANISMA_1" : "AILE", booked.start()))
            .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> insert(series, "pg.other", booked.room(), booked.start())).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> insert(series, "pg.other", "AILE", booked.start().plusMinutes(10)))
            .isInstanceOf(DataIntegrityViolationException.class);
        calendar.cancelSeries("pg-direct");
        insert(series, "pg.psikolog", booked.room(), booked.start());
    }

    private void insert(long series, String professional, String room, LocalDateTime start) {
        jdbc.update("insert into izg_session (series_id, case_key, service, professional_id, room_code, slot_start, status, "
                + "professional_hold, room_hold, booked_at) values (?, 'pg-x', 'ADULT_PSYCHOLOGY', ?, ?, ?, 'BOOKED', ?, ?, ?)",
            series, professional, room, Timestamp.valueOf(start), professional, room, Timestamp.valueOf(NOW));
    }

    private void waitUntilSomeoneWaitsForALock() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Integer waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                + "and query like 'insert into izg_session%'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second booking never waited for the first");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
