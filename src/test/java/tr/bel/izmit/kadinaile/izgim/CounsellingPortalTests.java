package tr.bel.izmit.kadinaile.izgim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Elements;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/**
 * A citizen asks for counselling through the portal's real door ({@code /api/public}, JSON, no login): the request is
 * validated as a whole, starts the process as the application, and answers with her tracking code; her status page
 * shows her milestones; a child's request without the guardian's consent is refused naming the field, and nothing
 * starts. The service is listed among the portal's services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class CounsellingPortalTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    CounsellingCaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldTakeAChildsRequestOnThePortalAndShowItsStatus() {
        ResponseEntity<Map> created = post(CounsellingTestData.request(CounsellingService.CHILD_PSYCHOLOGY));

        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = (String) created.getBody().get("trackingCode");
        assertThat(code).matches("DN-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CounsellingProcess.KEY)
            .processInstanceBusinessKey(code).singleResult()).isNotNull();
        assertThat(runtimeService.getActiveActivityIds(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(code).singleResult().getId())).containsExactly(Elements.INTAKE);
        CounsellingCase stored = cases.findByTrackingCode(code).orElseThrow();
        assertThat(stored.getChildAge()).isEqualTo("9");
        assertThat(stored.getReason()).isEqualTo(CounsellingTestData.CHILD_REASON_CANARY);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where body like ?", Integer.class,
            "%" + code + "%")).as("her receipt").isEqualTo(1);

        ResponseEntity<String> status = http.getForEntity("/api/public/applications/" + code, String.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(status.getBody()).contains("Talebiniz alındı").contains("Talebiniz değerlendiriliyor")
            .doesNotContain("Kanarya").doesNotContain("Çocuk");
    }

    @Test
    void shouldRefuseAChildsRequestWithoutTheGuardiansConsentNamingTheFieldAndStartNothing() {
        Map<String, Object> request = CounsellingTestData.request(CounsellingService.CHILD_PSYCHOLOGY);
        request.put(Vars.GUARDIAN_CONSENT, false);
        long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CounsellingProcess.KEY).count();

        ResponseEntity<Map> refused = post(request);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains(Vars.GUARDIAN_CONSENT);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CounsellingProcess.KEY).count())
            .isEqualTo(before);
    }

    @Test
    void shouldListTheServiceOnThePortal() {
        ResponseEntity<String> services = http.getForEntity("/api/public/services", String.class);
        assertThat(services.getBody()).contains(CounsellingProcess.KEY).contains("İZGİM Psikolojik Danışmanlık");
    }

    private ResponseEntity<Map> post(Map<String, Object> values) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/public/applications/" + CounsellingProcess.KEY, HttpMethod.POST,
            new HttpEntity<>(values, headers), Map.class);
    }
}
