package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Managers see the violence line only as counts, and never a count below five. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
class ViolenceLineStatisticsTests {

    private static final String PERIOD = "?from=2031-03-01&to=2031-03-31";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ViolenceCaseStore cases;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldCountCasesByRiskLevelAndSuppressCountsBelowFive() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-10T09:00:00Z")));
        String lastCode = null;
        for (int i = 0; i < 7; i++) {
            lastCode = openCase(i < 6 ? "HIGH" : "LOW", i < 6 ? List.of("SONIM") : List.of("PSYCHOLOGICAL"), i < 5).getCaseCode();
        }
        ClockUtil.reset();

        ResponseEntity<Map> response = http.withBasicAuth("hatice.sahin", "demo")
            .getForEntity("/api/staff/violence-line/statistics" + PERIOD, Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<?, ?> body = response.getBody();
        assertThat(bucket(body, "casesByRiskLevel", "HIGH")).containsEntry("count", 6).containsEntry("suppressed", false);
        assertThat(bucket(body, "casesByRiskLevel", "LOW")).containsEntry("count", null).containsEntry("suppressed", true);
        assertThat(bucket(body, "casesByRiskLevel", "CRITICAL")).containsEntry("count", 0).containsEntry("suppressed", false);
        assertThat(bucket(body, "referralsByType", "SONIM")).containsEntry("count", 6);
        assertThat(bucket(body, "referralsByType", "PSYCHOLOGICAL")).containsEntry("suppressed", true);
        assertThat(bucket(body, "closedCasesByOutcome", "SAFE_AND_SUPPORTED")).containsEntry("count", 5);
        assertThat(response.getBody().toString()).doesNotContain(lastCode, "Kanarya", "IZMIT");

        assertThat(http.withBasicAuth("derya.ozturk", "demo").getForEntity("/api/staff/violence-line/statistics" + PERIOD, Map.class)
            .getStatusCode().value()).isEqualTo(200);
        for (String user : List.of("ayse.yilmaz", "merve.koc", "selin.aydin")) {
            assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/staff/violence-line/statistics" + PERIOD, String.class)
                .getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(http.getForEntity("/api/staff/violence-line/statistics", String.class).getStatusCode().value()).isEqualTo(401);
    }

    private ViolenceCase openCase(String riskLevel, List<String> referrals, boolean closed) {
        ViolenceCase opened = cases.open(new ViolenceCaseStore.Intake("Kanarya", null, null, null, null, "IZMIT"), null);
        cases.recordRisk(opened.getId(), riskLevel);
        cases.planReferrals(opened.getId(), referrals);
        if (closed) {
            cases.close(opened.getId(), "SAFE_AND_SUPPORTED");
        }
        return opened;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bucket(Map<?, ?> body, String list, String key) {
        return ((List<Map<String, Object>>) body.get(list)).stream().filter(b -> key.equals(b.get("key"))).findFirst().orElseThrow();
    }
}
