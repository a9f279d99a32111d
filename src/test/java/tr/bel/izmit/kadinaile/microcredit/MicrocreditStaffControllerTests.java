package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/** The staff API: who may call it, and the answers it gives to wrong or untimely requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
class MicrocreditStaffControllerTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    LoanRepository loans;
    @Autowired
    MicrocreditApplicationRepository applications;

    @Test
    void shouldLetAnOfficerRecordThatTheMissingDocumentsArrived() {
        ProcessInstance instance = startWithMissingDocuments();
        String url = "/api/staff/microcredit/applications/" + instance.getBusinessKey() + "/documents-submitted";

        assertThat(http.postForEntity(url, null, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("elif.demir", "demo").postForEntity(url, null, String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        // a wrong password (another user: the engine delays the next login of a user after a failed one)
        assertThat(http.withBasicAuth("seda.kurt", "wrong").postForEntity(url, null, String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map<String, Object>> accepted = http.withBasicAuth("ayse.yilmaz", "demo")
            .exchange(url, HttpMethod.POST, null, MAP);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsEntry("trackingCode", instance.getBusinessKey());
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
            .isEqualTo(Elements.CHECK_DOCUMENTS);

        ResponseEntity<Map<String, Object>> again = http.withBasicAuth("ayse.yilmaz", "demo").exchange(url, HttpMethod.POST, null, MAP);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("message", "Başvuru şu anda bu işlemi beklemiyor.");
        assertThat(again.getBody().toString()).doesNotContain("Exception", "camunda", "at tr.");
    }

    @Test
    void shouldAnswer404ForAnUnknownTrackingCode() {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth("ayse.yilmaz", "demo")
            .exchange("/api/staff/microcredit/applications/MK-0000-0000/documents-submitted", HttpMethod.POST, null, MAP);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("message", "Kayıt bulunamadı.");
    }

    @Test
    void shouldRejectAWrongOrMissingPaymentAmountNamingTheField() {
        Loan loan = disbursedLoan();
        String url = "/api/staff/microcredit/loans/" + loan.getId() + "/installments/1/payment";

        ResponseEntity<Map<String, Object>> wrong = http.withBasicAuth("emine.arslan", "demo")
            .exchange(url, HttpMethod.POST, json(Map.of("amount", 100)), MAP);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<?>) wrong.getBody().get("errors")).singleElement()
            .satisfies(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("amount"));

        ResponseEntity<Map<String, Object>> missing = http.withBasicAuth("emine.arslan", "demo")
            .exchange(url, HttpMethod.POST, json(Map.of()), MAP);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map<String, Object>> garbage = http.withBasicAuth("emine.arslan", "demo")
            .exchange(url, HttpMethod.POST, json("{not json"), MAP);
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(http.withBasicAuth("elif.demir", "demo").exchange("/api/staff/microcredit/loans/" + loan.getId(),
            HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("emine.arslan", "demo").exchange("/api/staff/microcredit/loans/999999",
            HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(loans.findById(loan.getId())).isPresent();
    }

    private ProcessInstance startWithMissingDocuments() {
        ProcessInstance instance = start(2000);
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
            Map.of(Vars.DOCUMENTS_DECISION, "INCOMPLETE", Vars.MISSING_DOCUMENTS, "İkametgah"));
        return instance;
    }

    private Loan disbursedLoan() {
        ProcessInstance instance = start(2000);
        completeAs(instance, "ayse.yilmaz", Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        completeAs(instance, "elif.demir", Map.of(Vars.BUSINESS_PLAN_SCORE, 3L, Vars.BUSINESS_PLAN_COMMENT, "Yeterli."));
        completeAs(instance, "fatma.kaya", Map.of(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, 2000L));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        Long applicationId = applications.findByTrackingCode(instance.getBusinessKey()).orElseThrow().getId();
        return loans.findByApplicationId(applicationId).orElseThrow();
    }

    private ProcessInstance start(long amount) {
        ProcessInstance started = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(amount));
        return runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
    }

    private void completeAs(ProcessInstance instance, String user, Map<String, Object> variables) {
        String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        taskService.claim(taskId, user);
        taskService.complete(taskId, variables);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
