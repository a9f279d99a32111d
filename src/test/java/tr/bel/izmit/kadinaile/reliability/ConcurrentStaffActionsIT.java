package tr.bel.izmit.kadinaile.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
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

import tr.bel.izmit.kadinaile.common.web.EngineRestConflicts;
import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * Two staff members doing the same thing at the same moment, on PostgreSQL, through HTTP as Tasklist and our
 * staff API are used: two threads released by one latch. Exactly one wins; the other gets a clear 409 (the
 * engine REST API's 500 for a lost race is mapped by {@link EngineRestConflicts}, ours by
 * {@code ApiExceptionHandler}); one record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class ConcurrentStaffActionsIT {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final int ROUNDS = 3;
    private static final java.util.concurrent.atomic.AtomicInteger APPLICANTS = new java.util.concurrent.atomic.AtomicInteger(100_000);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void shouldLetExactlyOneOfTwoCommitteeMembersDecideTheSameApplication() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String instanceId = startAndReach("Task_CommitteeDecision", 2500);
            String taskId = taskId("fatma.kaya", instanceId, "Task_CommitteeDecision");

            List<ResponseEntity<String>> answers = race(
                user -> as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                    json(Map.of("variables", variables(Map.of("committeeDecision", "APPROVE", "approvedAmount", 2500L)))),
                    String.class),
                "fatma.kaya", "zeynep.celik");

            assertOneWinnerOneConflict(answers);
            assertThat(count("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and task_def_key_ = 'Task_CommitteeDecision'",
                instanceId)).isEqualTo(1);
            assertThat(jdbc.queryForList("select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'committeeDecidedBy'",
                String.class, instanceId)).hasSize(1).first().isIn("fatma.kaya", "zeynep.celik");
            // the case moved on once: one disbursement, one loan
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "select count(*) from mc_loan l join mc_application a on a.id = l.application_id where a.process_instance_id = ?",
                instanceId)).isEqualTo(1));
        }
    }

    @Test
    void shouldLetExactlyOneOfTwoManagersApproveTheSameApplication() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String instanceId = startAndReach("Task_ManagerApproval", 4000);
            String taskId = taskId("hatice.sahin", instanceId, "Task_ManagerApproval");

            // Tasklist's way: each claims the task, then completes it
            List<ResponseEntity<String>> claims = race(
                user -> as(user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST, json(Map.of("userId", user)),
                    String.class),
                "hatice.sahin", "zeynep.celik");
            assertOneWinnerOneConflict(claims);
            String assignee = jdbc.queryForObject("select assignee_ from act_ru_task where id_ = ?", String.class, taskId);
            assertThat(assignee).isIn("hatice.sahin", "zeynep.celik");

            // both press "complete" (a group member may complete a colleague's task): one approval, once
            List<ResponseEntity<String>> completions = race(
                user -> as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                    json(Map.of("variables", variables(Map.of("managerDecision", "APPROVE")))), String.class),
                "hatice.sahin", "zeynep.celik");
            assertOneWinnerOneConflict(completions);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(count(
                "select count(*) from mc_loan l join mc_application a on a.id = l.application_id where a.process_instance_id = ?",
                instanceId)).isEqualTo(1));
            assertThat(count("select count(*) from act_hi_taskinst where proc_inst_id_ = ? and task_def_key_ = 'Task_ManagerApproval'",
                instanceId)).isEqualTo(1);
        }
    }

    @Test
    void shouldRecordTheSamePaymentOnceWhenTwoFinanceOfficersRecordItAtOnce() throws Exception {
        createUser("rel.finance2", "finance-officers");
        String instanceId = startAndReach("Task_CommitteeDecision", 3000);
        complete("fatma.kaya", instanceId, "Task_CommitteeDecision", Map.of("committeeDecision", "APPROVE", "approvedAmount", 3000L));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
            "select count(*) from mc_loan l join mc_application a on a.id = l.application_id where a.process_instance_id = ?",
            instanceId) == 1);
        Long loanId = jdbc.queryForObject(
            "select l.id from mc_loan l join mc_application a on a.id = l.application_id where a.process_instance_id = ?", Long.class,
            instanceId);

        for (int sequence = 1; sequence <= ROUNDS; sequence++) {
            String url = "/api/staff/microcredit/loans/" + loanId + "/installments/" + sequence + "/payment";
            List<ResponseEntity<String>> answers = race(
                user -> as(user).exchange(url, HttpMethod.POST, json(Map.of("amount", 300.00)), String.class),
                "emine.arslan", "rel.finance2");

            assertThat(answers).extracting(ResponseEntity::getStatusCode).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
            assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CONFLICT).first()
                .extracting(ResponseEntity::getBody).asString().containsAnyOf("daha önce ödenmiş", "aynı anda başka biri", "beklemiyor")
                .doesNotContain("Exception", "org.", "tr.bel");
            assertThat(count("select count(*) from mc_installment where loan_id = ? and sequence_no = ? and paid_at is not null",
                loanId, sequence)).isEqualTo(1);
        }
        // each payment ended its own branch once: the other installments still wait
        assertThat(count("select count(*) from act_ru_execution where proc_inst_id_ = ? and act_id_ = 'Event_InstallmentDue'",
            instanceId)).isEqualTo(10 - ROUNDS);
    }

    // ---------------------------------------------------------------- helpers

    private void assertOneWinnerOneConflict(List<ResponseEntity<String>> answers) {
        assertThat(answers).extracting(ResponseEntity::getStatusCode).as(answers.toString())
            .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
        String conflict = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow().getBody();
        assertThat(conflict).contains(EngineRestConflicts.MESSAGE).doesNotContain("Exception", "org.camunda", "ENGINE-");
    }

    /** Both calls start at the same moment (one latch); returns both answers. */
    private List<ResponseEntity<String>> race(Function<String, ResponseEntity<String>> call, String first, String second)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
        for (String user : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(user);
            }));
        }
        ready.await();
        go.countDown();
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (Future<ResponseEntity<String>> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    /** An officer starts an application; the staff takes it to the given task (committee by Fatma Kaya). */
    private String startAndReach(String taskKey, long amount) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("fullName", "Eş Zaman Deneme");
        form.put("tcKimlikNo", CrashSafetyIT.tcKimlikNo(APPLICANTS.incrementAndGet()));
        form.put("phone", "05321234567");
        form.put("district", "IZMIT");
        form.put("neighbourhood", "Kozluk");
        form.put("izgimMember", "NOT_MEMBER");
        form.put("sector", "FOOD");
        form.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        form.put("requestedAmount", amount);
        form.put("termMonths", "10");
        form.put("iban", "TR330006100519786457841326");
        form.put("kvkkConsent", true);
        ResponseEntity<Map> started = as("ayse.yilmaz").exchange("/engine-rest/process-definition/key/microcredit-application/start",
            HttpMethod.POST, json(Map.of("variables", variables(form))), Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String instanceId = (String) started.getBody().get("id");
        complete("ayse.yilmaz", instanceId, "Task_CheckDocuments", Map.of("documentsDecision", "COMPLETE"));
        complete("elif.demir", instanceId, "Task_AssessBusinessPlan", Map.of("businessPlanScore", 4L, "businessPlanComment", "Uygun."));
        if (taskKey.equals("Task_ManagerApproval")) {
            complete("fatma.kaya", instanceId, "Task_CommitteeDecision", Map.of("committeeDecision", "APPROVE", "approvedAmount", amount));
        }
        return instanceId;
    }

    private String taskId(String user, String instanceId, String taskKey) {
        List<Map<String, Object>> found = as(user).exchange("/engine-rest/task?processInstanceId=" + instanceId
            + "&taskDefinitionKey=" + taskKey + "&maxResults=1", HttpMethod.GET, null, LIST).getBody();
        assertThat(found).as(user + " sees " + taskKey).hasSize(1);
        return (String) found.get(0).get("id");
    }

    private void complete(String user, String instanceId, String taskKey, Map<String, Object> values) {
        String taskId = taskId(user, instanceId, taskKey);
        assertThat(as(user).exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST, json(Map.of("userId", user)),
            String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> completed = as(user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
            json(Map.of("variables", variables(values))), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void createUser(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            TestUsers.create(identityService, id, "demo", group);
        }
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static Map<String, Object> variables(Map<String, Object> values) {
        return AppNode.variables(values);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
