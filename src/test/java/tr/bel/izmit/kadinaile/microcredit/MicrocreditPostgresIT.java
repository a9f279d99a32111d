package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * The whole application on a real PostgreSQL, driven through HTTP as the demo staff would: an officer
 * starts an application, a mentor, the committee and a manager decide, the job executor disburses, a
 * finance officer records a payment. Nothing here calls the engine's Java API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "app.demo.enabled=true",
    "app.demo.password=demo",
    "app.notification.dispatch-after-commit=true"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class MicrocreditPostgresIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldTakeAnApplicationFromSubmissionToDisbursementThroughHttp() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");

        // an İZGİM officer starts the application from Tasklist's start form
        Map<String, Object> form = MicrocreditTestData.startForm(4000);
        form.put("termMonths", "10");
        ResponseEntity<Map<String, Object>> started = as("ayse.yilmaz").exchange(
            "/engine-rest/process-definition/key/microcredit-application/start", HttpMethod.POST,
            json(Map.of("variables", variables(form))), MAP);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        String trackingCode = (String) started.getBody().get("businessKey");
        assertThat(trackingCode).matches("MK-[0-9A-Z]{4}-[0-9A-Z]{4}");
        Long applicationId = jdbc.queryForObject("select id from mc_application where tracking_code = ?", Long.class, trackingCode);
        assertThat(jdbc.queryForObject("select status from mc_application where id = ?", String.class, applicationId))
            .isEqualTo("IN_REVIEW");

        // the process's other groups see the document check, only her group may work on it
        assertThat(tasks("elif.demir", instanceId)).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_CheckDocuments");
        assertRefusedToClaim("elif.demir", instanceId);
        assertThat(tasks("ayse.yilmaz", instanceId)).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_CheckDocuments");

        String documentsTask = complete("ayse.yilmaz", instanceId, "Task_CheckDocuments", Map.of("documentsDecision", "COMPLETE"));
        complete("elif.demir", instanceId, "Task_AssessBusinessPlan",
            Map.of("businessPlanScore", 4, "businessPlanComment", "Sipariş defteri dolu, maliyetler hesaplanmış."));
        complete("fatma.kaya", instanceId, "Task_CommitteeDecision", Map.of("committeeDecision", "APPROVE", "approvedAmount", 4000));

        // a second completion of a finished task changes nothing
        ResponseEntity<String> again = as("ayse.yilmaz").exchange("/engine-rest/task/" + documentsTask + "/complete",
            HttpMethod.POST, json(Map.of("variables", variables(Map.of("documentsDecision", "INCOMPLETE")))), String.class);
        assertThat(again.getStatusCode().is2xxSuccessful()).isFalse();

        // the committee member cannot approve as manager (four eyes); a manager can
        assertRefusedToClaim("fatma.kaya", instanceId);
        complete("hatice.sahin", instanceId, "Task_ManagerApproval", Map.of("managerDecision", "APPROVE"));

        // the job executor disburses asynchronously
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(jdbc.queryForObject("select count(*) from mc_loan where application_id = ?", Integer.class, applicationId))
                .isEqualTo(1));
        Long loanId = jdbc.queryForObject("select id from mc_loan where application_id = ?", Long.class, applicationId);
        assertThat(jdbc.queryForObject("select count(*) from mc_disbursement where loan_id = ?", Integer.class, loanId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sum(amount) from mc_installment where loan_id = ?", BigDecimal.class, loanId))
            .isEqualByComparingTo("4000.00");

        ResponseEntity<Map<String, Object>> loan = as("emine.arslan").exchange("/api/staff/microcredit/loans/" + loanId,
            HttpMethod.GET, null, MAP);
        assertThat(loan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) loan.getBody().get("installments")).hasSize(10);
        assertThat(loan.getBody().get("trackingCode")).isEqualTo(trackingCode);

        // a finance officer records the first installment; twice is a conflict; others may not
        String paymentUrl = "/api/staff/microcredit/loans/" + loanId + "/installments/1/payment";
        assertThat(as("emine.arslan").exchange(paymentUrl, HttpMethod.POST, json(Map.of("amount", 400.00)), MAP).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> second = as("emine.arslan").exchange(paymentUrl, HttpMethod.POST,
            json(Map.of("amount", 400.00)), MAP);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) second.getBody().get("message")).contains("daha önce ödenmiş");
        assertThat(as("ayse.yilmaz").exchange("/api/staff/microcredit/loans/" + loanId + "/installments/2/payment",
            HttpMethod.POST, json(Map.of("amount", 400.00)), MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.exchange("/api/staff/microcredit/loans/" + loanId + "/installments/2/payment",
            HttpMethod.POST, json(Map.of("amount", 400.00)), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.queryForObject("select count(*) from mc_installment where loan_id = ? and paid_at is not null",
            Integer.class, loanId)).isEqualTo(1);

        // the payment finished its branch: nine installments still wait for their due date
        List<Map<String, Object>> waiting = as("ayse.yilmaz").exchange("/engine-rest/execution?processInstanceId=" + instanceId
            + "&activityId=Event_InstallmentDue&maxResults=50", HttpMethod.GET, null, LIST).getBody();
        assertThat(waiting).hasSize(9);

        // notifications are sent after commit, once each
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
            "select status from notification_outbox where dedup_key like ?", String.class, "microcredit:" + applicationId + ":%"))
            .hasSize(4).containsOnly("SENT"));
        assertThat(jdbc.queryForList("select dedup_key from notification_outbox where dedup_key like ? order by id", String.class,
            "microcredit:" + applicationId + ":%"))
            .containsExactly("microcredit:" + applicationId + ":RECEIVED:sms", "microcredit:" + applicationId + ":RECEIVED:email",
                "microcredit:" + applicationId + ":DISBURSED:sms", "microcredit:" + applicationId + ":DISBURSED:email");
    }

    /**
     * Issue 22: one open application per person, also when her applications arrive at the same moment through the
     * public API and Tasklist's start on a real PostgreSQL: exactly one is taken, every other is refused at the
     * T.C. Kimlik No with the Turkish message (by the check, or by the unique index when both passed the check).
     */
    @Test
    void shouldTakeOnlyOneOfConcurrentApplicationsOfTheSamePerson() throws Exception {
        Map<String, Object> form = MicrocreditTestData.startForm(2500);
        String tc = (String) form.get("tcKimlikNo");
        int doors = 6;
        ExecutorService pool = Executors.newFixedThreadPool(doors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < doors; i++) {
                boolean portal = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return portal
                        ? http.exchange("/api/public/applications/microcredit-application", HttpMethod.POST, json(form), String.class)
                        : as("ayse.yilmaz").exchange("/engine-rest/process-definition/key/microcredit-application/submit-form",
                            HttpMethod.POST, json(Map.of("variables", variables(form))), String.class);
                }));
            }
            start.countDown();
            List<ResponseEntity<String>> responses = new ArrayList<>();
            for (Future<ResponseEntity<String>> answer : answers) {
                responses.add(answer.get(120, TimeUnit.SECONDS));
            }

            assertThat(responses).filteredOn(r -> r.getStatusCode().is2xxSuccessful()).hasSize(1);
            assertThat(responses).filteredOn(r -> !r.getStatusCode().is2xxSuccessful()).hasSize(doors - 1)
                .allSatisfy(refused -> {
                    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(refused.getBody()).contains("\"field\":\"tcKimlikNo\"",
                        "Bu T.C. Kimlik No ile devam eden bir başvuru var.").doesNotContain("Exception", "uq_mc_application");
                });
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from mc_application where tc_kimlik_no = ?", Integer.class, tc)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mc_application where open_tc_kimlik_no = ?", Integer.class, tc))
            .isEqualTo(1);
        // the index itself: a second open row of the same person is refused by PostgreSQL
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "update mc_application set open_tc_kimlik_no = ? where id = (select min(id) from mc_application where tc_kimlik_no <> ?)",
                tc, tc))
            .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
            .hasMessageContaining("uq_mc_application_open_person");
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private List<Map<String, Object>> tasks(String user, String instanceId) {
        return as(user).exchange("/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10", HttpMethod.GET, null, LIST)
            .getBody();
    }

    private void assertRefusedToClaim(String user, String instanceId) {
        List<Map<String, Object>> open = tasks(user, instanceId);
        assertThat(open).hasSize(1);
        String taskId = (String) open.get(0).get("id");
        assertThat(as(user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST, json(Map.of("userId", user)),
            String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Claims and completes the instance's task as the user would in Tasklist; returns the task id. */
    private String complete(String user, String instanceId, String taskDefinitionKey, Map<String, Object> values) {
        List<Map<String, Object>> found = as(user).exchange("/engine-rest/task?processInstanceId=" + instanceId
            + "&taskDefinitionKey=" + taskDefinitionKey + "&maxResults=1", HttpMethod.GET, null, LIST).getBody();
        assertThat(found).as(user + " sees " + taskDefinitionKey).hasSize(1);
        String taskId = (String) found.get(0).get("id");
        assertThat(as(user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST, json(Map.of("userId", user)),
            String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> completed = as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
            json(Map.of("variables", variables(values))), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        return taskId;
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("value", value);
            if (value instanceof Long || value instanceof Integer) {
                variable.put("type", "Long");
            }
            variables.put(name, variable);
        });
        return variables;
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
