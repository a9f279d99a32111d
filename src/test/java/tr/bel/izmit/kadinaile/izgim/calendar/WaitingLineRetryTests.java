package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case the waiting line booked while its process waited to ask again (found while writing the year simulation of
 * issue 23): on a full calendar the counselling process waits a day and calls {@code bookSeries} again; when a freed
 * slot let the line book her series in between, that call must answer with the series booked, not put her in the line
 * a second time (and, once another slot is free, book her a second series). Same context as
 * {@link SessionCalendarTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class WaitingLineRetryTests {

    private static final String PSYCHOLOGIST = CalendarTestConfiguration.PSYCHOLOGIST;

    @Autowired
    SessionCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    SessionAttendance attendance;

    @BeforeEach
    void setUp() {
        CalendarTestConfiguration.reset(jdbc, identityService);
        CalendarTestConfiguration.now(SessionCalendarTests.NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldAnswerTheRetryWithTheSeriesTheWaitingLineBookedMeanwhile() {
        // one slot a week (Mondays 09:00), all four in the horizon taken
        jdbc.update("insert into izg_working_hours (professional_id, day_of_week, starts_at, ends_at) values (?, 1, ?, ?)",
            PSYCHOLOGIST, java.sql.Time.valueOf(LocalTime.of(9, 0)), java.sql.Time.valueOf(LocalTime.of(10, 0)));
        for (int i = 1; i <= 4; i++) {
            assertThat(book("DN-RTRY-000" + i)).hasSize(1);
        }
        assertThatThrownBy(() -> book("DN-RTRY-0005")).isInstanceOf(CalendarFullException.class);

        // a client withdraws: the line books the waiting case at 15 March
        calendar.cancelSeries("DN-RTRY-0002");
        assertThat(bookedStarts("DN-RTRY-0005")).containsExactly(LocalDateTime.of(2027, 3, 15, 9, 0));

        // the next day her process asks again: it gets the series booked, and nothing more is booked or queued
        CalendarTestConfiguration.now(SessionCalendarTests.NOW.plusDays(1));
        List<BookedSession> retry = book("DN-RTRY-0005");

        assertThat(retry).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 15, 9, 0));
        assertThat(bookedStarts("DN-RTRY-0005")).hasSize(1);
        assertThat(jdbc.queryForList("select status from izg_series where case_key = 'DN-RTRY-0005'", String.class))
            .containsExactly("BOOKED");
        // a case whose series has a session held gets a new series when asked again, as before
        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 8, 10, 0));
        BookedSession held = sessions("DN-RTRY-0001").get(0);
        attendance.record("DN-RTRY-0001", held.id(), "ATTENDED", PSYCHOLOGIST, false);
        assertThat(book("DN-RTRY-0001")).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 4, 5, 9, 0));
    }

    private List<BookedSession> book(String caseKey) {
        return calendar.bookSeries(caseKey, caseKey, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1,
            SessionCalendarTests.NOW.toLocalDate());
    }

    private List<BookedSession> sessions(String caseKey) {
        return jdbc.query("select id, slot_start, room_code from izg_session where case_key = ? order by slot_start", (rs, row) -> {
            LocalDateTime start = rs.getTimestamp("slot_start").toLocalDateTime();
            return new BookedSession(rs.getLong("id"), start, start.plus(WorkingDay.SESSION), rs.getString("room_code"));
        }, caseKey);
    }

    private List<LocalDateTime> bookedStarts(String caseKey) {
        return jdbc.queryForList("select slot_start from izg_session where case_key = ? and status = 'BOOKED' order by slot_start",
            java.sql.Timestamp.class, caseKey).stream().map(java.sql.Timestamp::toLocalDateTime).toList();
    }
}
