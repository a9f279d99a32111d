package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
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

import tr.bel.izmit.kadinaile.notification.Addressee;

/**
 * The calendar through the bean the counselling process calls ({@code calendar}) on the application's H2 database:
 * weekly series in working hours around holidays and closures, no professional and no room twice at one hour (and
 * the database constraints behind it), the waiting line served first come first served when a slot is freed, and
 * the reminders the day before, sent once even when two schedulers run at once. The engine's clock is set to Monday
 * 1 March 2027, 08:00 Turkish time; the scheduled reminder job is kept off (the test calls it), as in the other
 * classes of this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class SessionCalendarTests {

    static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 1, 8, 0);
    private static final String PSYCHOLOGIST = CalendarTestConfiguration.PSYCHOLOGIST;

    @Autowired
    SessionCalendar calendar;
    @Autowired
    SessionReminders reminders;
    @Autowired
    SessionAttendance attendance;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    CalendarTestConfiguration.FakeCaseContacts contacts;
    @Autowired
    CalendarTestConfiguration.EventRecorder recorder;

    @BeforeEach
    void setUp() {
        CalendarTestConfiguration.reset(jdbc, identityService);
        recorder.events.clear();
        CalendarTestConfiguration.now(NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldBookAWeeklySeriesInTheFirstFreeSlotsSkippingHolidays() {
        // 9-11 March 2027 is the Ramazan Bayramı: the series starts on Friday the 12th and goes on weekly at 09:00
        List<BookedSession> series = calendar.bookSeries("case-holiday", "DN-0000-0001", CounsellingService.ADULT_PSYCHOLOGY,
            PSYCHOLOGIST, 3, LocalDate.of(2027, 3, 9));

        assertThat(series).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 12, 9, 0),
            LocalDateTime.of(2027, 3, 19, 9, 0), LocalDateTime.of(2027, 3, 26, 9, 0));
        assertThat(series).extracting(BookedSession::end).first().isEqualTo(LocalDateTime.of(2027, 3, 12, 9, 50));
        assertThat(series).extracting(BookedSession::room).containsOnly("DANISMA_1");
    }

    @Test
    void shouldKeepToTheProfessionalsOwnHoursAndTheEveningsClosedOnAHolidaysEve() {
        // she works on Mondays afternoons only; 8 March is the Bayram's eve, closed from 13:00
        jdbc.update("insert into izg_working_hours (professional_id, day_of_week, starts_at, ends_at) values (?, 1, ?, ?)",
            PSYCHOLOGIST, java.sql.Time.valueOf(LocalTime.of(13, 0)), java.sql.Time.valueOf(LocalTime.of(15, 0)));

        List<BookedSession> series = calendar.bookSeries("case-hours", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 2,
            LocalDate.of(2027, 3, 3));

        assertThat(series).extracting(BookedSession::start)
            .containsExactly(LocalDateTime.of(2027, 3, 15, 13, 0), LocalDateTime.of(2027, 3, 22, 13, 0));
    }

    @Test
    void shouldSkipAClosureStaffAddedForTheProfessional() {
        jdbc.update("insert into izg_closure (closed_on, professional_id, kind, name, created_at) values (?, ?, 'CLOSURE', 'İzin', ?)",
            java.sql.Date.valueOf(LocalDate.of(2027, 3, 2)), PSYCHOLOGIST, Timestamp.valueOf(NOW));

        assertThat(calendar.bookSeries("case-leave", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1, NOW.toLocalDate()))
            .extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 3, 9, 0));
        assertThat(calendar.bookSeries("case-no-leave", null, CounsellingService.ADULT_PSYCHOLOGY,
            CalendarTestConfiguration.OTHER_PSYCHOLOGIST, 1, NOW.toLocalDate()))
            .extracting(BookedSession::start).as("not before the notice of 24 hours; her colleague works that day")
            .containsExactly(LocalDateTime.of(2027, 3, 2, 9, 0));
    }

    @Test
    void shouldNeverGiveAProfessionalOrARoomTwiceAtOneHour() {
        LocalDate day = LocalDate.of(2027, 3, 2);
        BookedSession first = single("case-a", CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, day);
        BookedSession second = single("case-b", CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, day);
        BookedSession colleague = single("case-c", CounsellingService.FAMILY_PSYCHOLOGY, CalendarTestConfiguration.OTHER_PSYCHOLOGIST, day);
        assertThat(first.start()).isEqualTo(day.atTime(9, 0));
        assertThat(second.start()).as("the same professional: the next hour").isEqualTo(day.atTime(10, 0));
        assertThat(colleague.start()).as("another professional at the same hour, in another room").isEqualTo(day.atTime(9, 0));
        assertThat(colleague.room()).isNotEqualTo(first.room());

        // the centre has one dietitian room: two dietitians cannot both see a client at 09:00
        BookedSession dietitian = single("case-d", CounsellingService.DIETITIAN, CalendarTestConfiguration.DIETITIAN, day);
        BookedSession otherDietitian = single("case-e", CounsellingService.DIETITIAN, "test.diyetisyen2", day);
        assertThat(dietitian.room()).isEqualTo("DIYET");
        assertThat(dietitian.start()).isEqualTo(day.atTime(9, 0));
        assertThat(otherDietitian.start()).as("the room is taken at 09:00").isEqualTo(day.atTime(10, 0));
    }

    @Test
    void shouldRefuseADoubleBookingInTheDatabaseItselfAndFreeTheHourOfACancelledSession() {
        BookedSession booked = single("case-db", CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, LocalDate.of(2027, 3, 2));
        long series = jdbc.queryForObject("select series_id from izg_session where id = ?", Long.class, booked.id());

        assertThatThrownBy(() -> insert(series, PSYCHOLOGIST, "DANISMA_2", booked.start())).as("the professional")
            .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> insert(series, "someone.else", booked.room(), booked.start())).as("the room")
            .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> insert(series, "someone.else", "DANISMA_2", booked.start().plusMinutes(30)))
            .as("not on the hour").isInstanceOf(DataIntegrityViolationException.class);

        calendar.cancelSeries("case-db");
        insert(series, PSYCHOLOGIST, booked.room(), booked.start());
        assertThat(jdbc.queryForObject("select count(*) from izg_session where slot_start = ?", Integer.class,
            Timestamp.valueOf(booked.start()))).as("the cancelled row stays as history").isEqualTo(2);
    }

    @Test
    void shouldPutACaseOnTheWaitingLineAndBookItWhenASlotIsFreedFirstComeFirstServed() {
        // one slot a week (Mondays 09:00): in the four weeks ahead 8, 15, 22 and 29 March
        jdbc.update("insert into izg_working_hours (professional_id, day_of_week, starts_at, ends_at) values (?, 1, ?, ?)",
            PSYCHOLOGIST, java.sql.Time.valueOf(LocalTime.of(9, 0)), java.sql.Time.valueOf(LocalTime.of(10, 0)));
        for (int i = 1; i <= 4; i++) {
            single("case-" + i, CounsellingService.CHILD_PSYCHOLOGY, PSYCHOLOGIST, NOW.toLocalDate());
        }
        contacts.addressees.put("case-5", new Addressee("Test Danışan", "5551112233", null));

        assertThatThrownBy(() -> single("case-5", CounsellingService.CHILD_PSYCHOLOGY, PSYCHOLOGIST, NOW.toLocalDate()))
            .isInstanceOf(CalendarFullException.class).hasMessageContaining("bekleme listesine").hasMessageContaining("sıra: 1");
        assertThatThrownBy(() -> single("case-6", CounsellingService.CHILD_PSYCHOLOGY, PSYCHOLOGIST, NOW.toLocalDate()))
            .isInstanceOf(CalendarFullException.class).hasMessageContaining("sıra: 2");
        assertThatThrownBy(() -> single("case-5", CounsellingService.CHILD_PSYCHOLOGY, PSYCHOLOGIST, NOW.toLocalDate()))
            .as("asking again keeps her place").isInstanceOf(CalendarFullException.class).hasMessageContaining("sıra: 1");
        assertThat(recorder.events).isEmpty();

        calendar.cancelSeries("case-2");

        List<BookedSession> fifth = sessionsOf("case-5");
        assertThat(fifth).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 15, 9, 0));
        assertThat(sessionsOf("case-6")).as("the second in line waits on").isEmpty();
        assertThat(recorder.events).containsExactly(new WaitingSeriesBooked("case-5", fifth));
        assertThat(jdbc.queryForList("select recipient from notification_outbox where dedup_key like 'izgim-series-booked:%'",
            String.class)).containsExactly("5551112233");
        assertThat(jdbc.queryForObject("select body from notification_outbox where dedup_key like 'izgim-series-booked:%'",
            String.class)).contains("15.03.2027", "09:00").doesNotContain("Test Danışan");
        assertThat(jdbc.queryForObject("select status from izg_series where case_key = 'case-6'", String.class)).isEqualTo("WAITING");

        // a case that withdraws leaves the line: the next freed slot goes to the one behind her
        calendar.cancelSeries("case-6");
        calendar.cancelSeries("case-3");
        assertThat(sessionsOf("case-6")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from izg_series where status = 'WAITING'", Integer.class)).isZero();
        calendar.cancelSeries("case-3");
    }

    @Test
    void shouldSendEachReminderOnceTheDayBeforeEvenWithTwoSchedulersAtOnce() throws Exception {
        contacts.addressees.put("case-r1", new Addressee("Test Danışan", "5550001122", null));
        contacts.addressees.put("case-r2", new Addressee("Test Danışan", "5550003344", null));
        BookedSession tomorrow = single("case-r1", CounsellingService.DIETITIAN, CalendarTestConfiguration.DIETITIAN, NOW.toLocalDate());
        BookedSession later = single("case-r2", CounsellingService.DIETITIAN, CalendarTestConfiguration.DIETITIAN, LocalDate.of(2027, 3, 3));
        assertThat(tomorrow.start()).isEqualTo(LocalDateTime.of(2027, 3, 2, 9, 0));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = List.of(threads.submit(() -> {
                go.await();
                return reminders.sendDueReminders();
            }), threads.submit(() -> {
                go.await();
                return reminders.sendDueReminders();
            }));
            go.countDown();
            assertThat(runs.get(0).get(30, TimeUnit.SECONDS) + runs.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(reminders.sendDueReminders()).isZero();
        List<Map<String, Object>> sms = jdbc.queryForList("select dedup_key, channel, recipient, body from notification_outbox "
            + "where dedup_key like 'izgim-reminder:%'");
        assertThat(sms).hasSize(1);
        assertThat(sms.get(0)).containsEntry("DEDUP_KEY", "izgim-reminder:" + tomorrow.id()).containsEntry("CHANNEL", "SMS")
            .containsEntry("RECIPIENT", "5550001122");
        assertThat((String) sms.get(0).get("BODY")).contains("yarın", "02.03.2027", "09:00", "Diyetisyen Odası");

        // the next day, the session of the 3rd; a cancelled one gets none
        CalendarTestConfiguration.now(NOW.plusDays(1));
        calendar.cancelSeries("case-r2");
        assertThat(reminders.sendDueReminders()).isZero();
        assertThat(later.id()).isPositive();
    }

    @Test
    void shouldRecordAttendanceFromATasklistFormOnlyForTheCasesOwnSessionsAndItsProfessional() {
        List<BookedSession> series = calendar.bookSeries("case-form", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 2,
            NOW.toLocalDate());
        calendar.bookSeries("case-other", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1, NOW.toLocalDate());
        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 20, 8, 0));

        assertThat(attendance.sessionsOf("case-form")).extracting(SessionAttendance.SessionRecord::status).containsExactly("BOOKED", "BOOKED");
        assertThatThrownBy(() -> attendance.record("case-other", series.get(0).id(), "ATTENDED", PSYCHOLOGIST, false))
            .isInstanceOf(tr.bel.izmit.kadinaile.common.ValidationFailedException.class).hasMessageContaining("Randevu bulunamadı");
        assertThatThrownBy(() -> attendance.record("case-form", series.get(0).id(), "ATTENDED",
            CalendarTestConfiguration.OTHER_PSYCHOLOGIST, false)).hasMessageContaining("sizin takviminizde değil");
        assertThatThrownBy(() -> attendance.record("case-form", series.get(0).id(), "LATE", PSYCHOLOGIST, false))
            .hasMessageContaining("ATTENDED, NO_SHOW ya da CANCELLED");

        attendance.record("case-form", series.get(0).id(), "ATTENDED", PSYCHOLOGIST, false);
        attendance.record("case-form", series.get(1).id(), "NO_SHOW", CalendarTestConfiguration.SUPERVISOR, true);
        assertThat(attendance.sessionsOf("case-form")).extracting(SessionAttendance.SessionRecord::status)
            .containsExactly("ATTENDED", "NO_SHOW");
        assertThat(recorder.events).containsExactly(new SeriesFinished("case-form"));
        assertThatThrownBy(() -> attendance.record("case-form", series.get(1).id(), "ATTENDED", PSYCHOLOGIST, false))
            .hasMessageContaining("daha önce kaydedildi");
    }

    private BookedSession single(String caseKey, CounsellingService service, String professional, LocalDate from) {
        List<BookedSession> booked = calendar.bookSeries(caseKey, null, service, professional, 1, from);
        assertThat(booked).hasSize(1);
        return booked.get(0);
    }

    private List<BookedSession> sessionsOf(String caseKey) {
        return jdbc.query("select id, slot_start, room_code from izg_session where case_key = ? and status = 'BOOKED' order by slot_start",
            (rs, row) -> {
                LocalDateTime start = rs.getTimestamp("slot_start").toLocalDateTime();
                return new BookedSession(rs.getLong("id"), start, start.plus(WorkingDay.SESSION), rs.getString("room_code"));
            }, caseKey);
    }

    private void insert(long series, String professional, String room, LocalDateTime start) {
        jdbc.update("insert into izg_session (series_id, case_key, service, professional_id, room_code, slot_start, status, "
                + "professional_hold, room_hold, booked_at) values (?, 'case-x', 'ADULT_PSYCHOLOGY', ?, ?, ?, 'BOOKED', ?, ?, ?)",
            series, professional, room, Timestamp.valueOf(start), professional, room, Timestamp.valueOf(NOW));
    }
}
