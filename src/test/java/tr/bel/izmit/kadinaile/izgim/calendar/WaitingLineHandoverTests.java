package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
 * A case whose series the waiting line booked while her process waited on its retry timer asks again (the timer
 * fired): she gets the series the line booked, not a second one. Before this, the second call queued and booked a
 * second series for the same case (issue 23, found while adding the two-node test). Same context as
 * {@link SessionCalendarTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class WaitingLineHandoverTests {

    private static final String PSYCHOLOGIST = CalendarTestConfiguration.PSYCHOLOGIST;

    @Autowired
    SessionCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    CalendarTestConfiguration.EventRecorder recorder;

    @BeforeEach
    void setUp() {
        CalendarTestConfiguration.reset(jdbc, identityService);
        recorder.events.clear();
        CalendarTestConfiguration.now(SessionCalendarTests.NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldHandTheSeriesTheLineBookedToTheCaseInsteadOfBookingASecondOne() {
        // one slot a week (Mondays 09:00): 8, 15, 22 and 29 March, all taken by one series
        jdbc.update("insert into izg_working_hours (professional_id, day_of_week, starts_at, ends_at) values (?, 1, ?, ?)",
            PSYCHOLOGIST, java.sql.Time.valueOf(LocalTime.of(9, 0)), java.sql.Time.valueOf(LocalTime.of(10, 0)));
        calendar.bookSeries("DN-HAND-0001", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 4, LocalDate.of(2027, 3, 2));
        assertThatThrownBy(() -> calendar.bookSeries("DN-HAND-0002", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1,
            LocalDate.of(2027, 3, 2))).isInstanceOf(CalendarFullException.class);

        // the first case closes: the line books the waiting one (SMS, event) while her process still waits on its timer
        calendar.cancelSeries("DN-HAND-0001");
        assertThat(recorder.events).hasSize(1);
        List<BookedSession> byTheLine = ((WaitingSeriesBooked) recorder.events.get(0)).sessions();
        assertThat(byTheLine).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 8, 9, 0));

        // her timer fires: the same session, no second series
        List<BookedSession> again = calendar.bookSeries("DN-HAND-0002", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1,
            LocalDate.of(2027, 3, 2));
        assertThat(again).extracting(BookedSession::id).containsExactly(byTheLine.get(0).id());
        assertThat(jdbc.queryForObject("select count(*) from izg_series where case_key = 'DN-HAND-0002'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from izg_session where case_key = 'DN-HAND-0002'", Integer.class)).isEqualTo(1);

        // handed over once: a later request of the case (a new series after two no-shows) is a series of its own
        List<BookedSession> later = calendar.bookSeries("DN-HAND-0002", null, CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST, 1,
            LocalDate.of(2027, 3, 2));
        assertThat(later).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 15, 9, 0));
        assertThat(jdbc.queryForObject("select count(*) from izg_series where case_key = 'DN-HAND-0002'", Integer.class)).isEqualTo(2);
    }
}
