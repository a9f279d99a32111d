package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * No violence-line figure leaves the line through {@code /actuator/prometheus}: a manager scraping it sees the other
 * processes' counters, and nothing of the line, neither its process's meters (instances started and ended, task
 * durations, incidents, job failures) nor the request counts of its staff endpoints. (The dashboard shows the line's
 * counts, suppressed below 5; a scraped counter would give away every single event, see ConfidentialMeterFilter.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
class ViolenceLineMetricsTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void shouldShowAManagerNoFigureOfTheViolenceLineInPrometheus() {
        // a call recorded, worked on and read through the doors the line's staff use
        CanaryDoors doors = new CanaryDoors(http);
        doors.violenceLine();

        ResponseEntity<String> metrics = http.withBasicAuth("hatice.sahin", CanaryDoors.DEMO_PASSWORD)
            .getForEntity("/actuator/prometheus", String.class);

        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody())
            .as("the other processes are counted")
            .containsPattern("kadinaile_process_instances_started_total\\{[^}]*process=\"microcredit-application\"[^}]*\\} [1-9]")
            .contains("kadinaile_incidents_open", "http_server_requests_seconds_count")
            .as("nothing of the violence line")
            .doesNotContain("violence-line", "violence_line", "violence-risk-level");
    }

    /**
     * The same for İZGİM's counselling (health data, confidential like the line): no meter names its process or the
     * staff paths of its cases and sessions, whose counters would show each read of a note as it happens.
     */
    @Test
    void shouldShowAManagerNoFigureOfCounsellingInPrometheus() {
        new CanaryDoors(http).counselling();

        String metrics = http.withBasicAuth("hatice.sahin", CanaryDoors.DEMO_PASSWORD)
            .getForEntity("/actuator/prometheus", String.class).getBody();

        assertThat(metrics).contains("http_server_requests_seconds_count")
            .doesNotContain("izgim-counselling", "/api/staff/izgim/cases", "/api/staff/izgim/calendar", "/basvuru/randevu");
    }
}
