package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The counselling figures in the activity report and in the dashboard's tables (what {@code /yonetim} shows), after a
 * known mix of sessions in June 2026: counts from 1 to 4 suppressed, a rate or median over fewer than 5 not shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class CounsellingReportTests {

    private static final LocalDateTime JUNE = LocalDateTime.of(2026, 6, 1, 9, 0);
    private static final String PERIOD = "from=2026-06-01&to=2026-06-30";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;

    private int hour;

    @BeforeEach
    void setUp() {
        CalendarTestConfiguration.reset(jdbc, identityService);
        // adults: 6 clients, 8 sessions held, 2 no-shows, 1 cancelled; waits of 1..6 days (median 3.5)
        for (int i = 1; i <= 6; i++) {
            long series = series("adult-" + i, "ADULT_PSYCHOLOGY", "p.adult", JUNE);
            waited(series, session(series, "adult-" + i, "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(i), "ATTENDED"), i);
        }
        long adult1 = jdbc.queryForObject("select id from izg_series where case_key = 'adult-1'", Long.class);
        session(adult1, "adult-1", "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(8), "ATTENDED");
        session(adult1, "adult-1", "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(9), "ATTENDED");
        session(adult1, "adult-1", "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(10), "NO_SHOW");
        session(adult1, "adult-1", "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(11), "NO_SHOW");
        session(adult1, "adult-1", "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(12), "CANCELLED");
        // a session of July is not counted
        session(adult1, "adult-1", "ADULT_PSYCHOLOGY", "p.adult", JUNE.plusDays(35), "ATTENDED");
        // children: 3 clients, 3 sessions
        for (int i = 1; i <= 3; i++) {
            long series = series("child-" + i, "CHILD_PSYCHOLOGY", "p.child", JUNE.minusDays(10));
            session(series, "child-" + i, "CHILD_PSYCHOLOGY", "p.child", JUNE.plusDays(i), "ATTENDED");
        }
        // dietitian: 5 clients, each 2 held and 1 missed, 7 days' wait
        for (int i = 1; i <= 5; i++) {
            long series = series("diet-" + i, "DIETITIAN", "p.diet", JUNE);
            waited(series, session(series, "diet-" + i, "DIETITIAN", "p.diet", JUNE.plusDays(i), "ATTENDED"), 7);
            session(series, "diet-" + i, "DIETITIAN", "p.diet", JUNE.plusDays(i + 7), "ATTENDED");
            session(series, "diet-" + i, "DIETITIAN", "p.diet", JUNE.plusDays(i + 14), "NO_SHOW");
        }
    }

    @Test
    void shouldReportCitizensSessionsNoShowsAndWaitsPerServiceWithSmallCountsSuppressed() {
        JsonNode report = rest.withBasicAuth("hatice.sahin", "demo").getForObject("/api/staff/reports/activity?" + PERIOD, JsonNode.class);
        JsonNode counselling = report.path("izgimCounselling");
        assertThat(counselling.isMissingNode()).as(report.toString()).isFalse();

        JsonNode adult = service(counselling, "ADULT_PSYCHOLOGY");
        assertThat(adult.path("citizens").path("count").asInt()).isEqualTo(6);
        assertThat(adult.path("sessions").path("count").asInt()).isEqualTo(8);
        assertThat(adult.path("noShows").path("suppressed").asBoolean()).isTrue();
        assertThat(adult.path("noShows").path("count").isNull()).isTrue();
        assertThat(adult.path("noShowRatePercent").decimalValue()).isEqualByComparingTo("20.0");
        assertThat(adult.path("medianWaitingDays").decimalValue()).isEqualByComparingTo("3.5");

        JsonNode child = service(counselling, "CHILD_PSYCHOLOGY");
        assertThat(child.path("citizens").path("suppressed").asBoolean()).isTrue();
        assertThat(child.path("sessions").path("suppressed").asBoolean()).isTrue();
        assertThat(child.path("noShowRatePercent").isNull()).as("3 sessions recorded: no rate").isTrue();
        assertThat(child.path("medianWaitingDays").isNull()).isTrue();

        JsonNode family = service(counselling, "FAMILY_PSYCHOLOGY");
        assertThat(family.path("citizens").path("count").asInt()).isZero();
        assertThat(family.path("citizens").path("suppressed").asBoolean()).isFalse();

        JsonNode dietitian = service(counselling, "DIETITIAN");
        assertThat(dietitian.path("citizens").path("count").asInt()).isEqualTo(5);
        assertThat(dietitian.path("sessions").path("count").asInt()).isEqualTo(10);
        assertThat(dietitian.path("noShows").path("count").asInt()).isEqualTo(5);
        assertThat(dietitian.path("noShowRatePercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(dietitian.path("medianWaitingDays").decimalValue()).isEqualByComparingTo("7.0");

        assertThat(counselling.path("citizens").path("count").asInt()).isEqualTo(14);
        assertThat(counselling.path("sessions").path("count").asInt()).isEqualTo(21);
        assertThat(counselling.path("suppressBelow").asInt()).isEqualTo(5);
        assertThat(rest.withBasicAuth(CalendarTestConfiguration.PSYCHOLOGIST, CalendarTestConfiguration.PASSWORD)
            .getForEntity("/api/staff/reports/activity?" + PERIOD, String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void shouldShowTheSameFiguresAsATableOnTheDashboard() {
        JsonNode tables = rest.withBasicAuth("hatice.sahin", "demo")
            .getForObject("/api/staff/dashboard/tables?period=custom&" + PERIOD, JsonNode.class);
        JsonNode table = null;
        for (JsonNode candidate : tables) {
            if ("izgim-danismanlik".equals(candidate.path("id").asText())) {
                table = candidate;
            }
        }
        assertThat(table).as(tables.toString()).isNotNull();
        assertThat(table.toString()).contains("Psikolojik danışmanlık (yetişkin)", "Diyetisyen danışmanlığı", "<5", "33.3", "Gelmeme oranı");
    }

    private static JsonNode service(JsonNode counselling, String service) {
        for (JsonNode row : counselling.path("services")) {
            if (service.equals(row.path("service").asText())) {
                return row;
            }
        }
        throw new AssertionError(service + " missing in " + counselling);
    }

    private long series(String caseKey, String service, String professional, LocalDateTime requestedAt) {
        jdbc.update("insert into izg_series (case_key, service, professional_id, sessions, earliest_on, status, requested_at) "
            + "values (?, ?, ?, 1, ?, 'BOOKED', ?)", caseKey, service, professional, java.sql.Date.valueOf(requestedAt.toLocalDate()),
            Timestamp.valueOf(requestedAt));
        return jdbc.queryForObject("select id from izg_series where case_key = ?", Long.class, caseKey);
    }

    private void waited(long series, LocalDateTime firstSession, int days) {
        jdbc.update("update izg_series set requested_at = ? where id = ?", Timestamp.valueOf(firstSession.minusDays(days)), series);
    }

    private LocalDateTime session(long series, String caseKey, String service, String professional, LocalDateTime day, String status) {
        LocalDateTime start = day.withHour(9 + hour++ % 8);
        boolean held = !"CANCELLED".equals(status);
        String room = "DIETITIAN".equals(service) ? "DIYET" : "DANISMA_1";
        jdbc.update("insert into izg_session (series_id, case_key, service, professional_id, room_code, slot_start, status, "
                + "professional_hold, room_hold, booked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            series, caseKey, service, professional, room, Timestamp.valueOf(start), status, held ? professional : null,
            held ? room : null, Timestamp.valueOf(start.minusDays(20)));
        return start;
    }
}
