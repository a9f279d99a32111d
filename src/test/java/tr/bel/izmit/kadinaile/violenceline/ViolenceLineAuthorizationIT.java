package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;
import tr.bel.izmit.kadinaile.support.WebappSessions;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * Who can see a violence-line case, through every door, on a real PostgreSQL: the engine's Java API as that
 * user, {@code /engine-rest}, the web apps' own API {@code /camunda/api/engine} (as Tasklist and Cockpit use
 * it, with a login session), and our staff endpoint. Only the line's three groups see anything; everyone
 * else, managers and administrators included, gets nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class ViolenceLineAuthorizationIT {

    static final List<String> LINE_STAFF = List.of("merve.koc", "selin.aydin", "derya.ozturk");
    static final List<String> EVERYONE_ELSE = List.of("ayse.yilmaz", "elif.demir", "fatma.kaya", "zeynep.celik", "hatice.sahin",
        "emine.arslan", "burcu.yildiz", "gulsen.dogan", "seda.kurt", "nur.ozdemir", "admin");

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    ProcessInstance instance;
    Long caseId;

    @BeforeEach
    void startACase() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        identityService.setAuthentication("merve.koc", java.util.List.of("violence-line-operators"));
        try {
            ProcessInstance started = runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, ViolenceLineTestData.intake());
            instance = runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
        } finally {
            identityService.clearAuthentication();
        }
        caseId = (Long) runtimeService.getVariable(instance.getId(), Vars.CASE_ID);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isPositive();
    }

    @Test
    void shouldShowTheCaseOnlyToTheLinesGroupsThroughTheJavaApi() {
        for (String user : LINE_STAFF) {
            assertThat(javaApiCounts(user)).as(user).allMatch(count -> count > 0);
        }
        for (String user : EVERYONE_ELSE) {
            assertThat(javaApiCounts(user)).as(user).containsOnly(0L);
        }
    }

    @Test
    void shouldShowTheCaseOnlyToTheLinesGroupsThroughEngineRest() {
        for (String user : LINE_STAFF) {
            assertThat(restCounts(user, "/engine-rest")).as(user).allMatch(count -> count > 0);
        }
        for (String user : EVERYONE_ELSE) {
            assertThat(restCounts(user, "/engine-rest")).as(user).containsOnly(0L);
            ResponseEntity<String> direct = as(user).getForEntity("/engine-rest/process-instance/" + instance.getId() + "/variables",
                String.class);
            assertThat(direct.getStatusCode().is2xxSuccessful()).as(user).isFalse();
            assertNoCaseData(user, direct.getBody());
        }
    }

    @Test
    void shouldShowTheCaseOnlyToTheLinesGroupsThroughTheWebAppsApi() {
        for (String user : LINE_STAFF) {
            assertThat(webappCounts(user)).as(user).allMatch(count -> count > 0);
        }
        for (String user : List.of("hatice.sahin", "ayse.yilmaz", "admin")) {
            assertThat(webappCounts(user)).as(user).containsOnly(0L);
        }
    }

    @Test
    void shouldShowThePersonalDataOnlyToTheLinesGroupsThroughOurEndpoint() {
        for (String user : LINE_STAFF) {
            ResponseEntity<String> response = as(user).getForEntity("/api/staff/violence-line/cases/" + caseId, String.class);
            assertThat(response.getStatusCode().value()).as(user).isEqualTo(200);
            assertThat(response.getBody()).contains(ViolenceLineTestData.CANARY_NAME);
        }
        for (String user : EVERYONE_ELSE) {
            ResponseEntity<String> response = as(user).getForEntity("/api/staff/violence-line/cases/" + caseId, String.class);
            assertThat(response.getStatusCode().value()).as(user).isEqualTo(403);
            assertNoCaseData(user, response.getBody());
        }
        assertThat(jdbc.queryForObject("select count(*) from vl_access_audit where case_id = ? and action = 'READ_PERSONAL_DATA'", Integer.class, caseId))
            .as("one audit row per read by the line's staff").isEqualTo(LINE_STAFF.size());
    }

    private List<Long> javaApiCounts(String user) {
        List<String> groups = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(user).list()) {
            groups.add(group.getId());
        }
        identityService.setAuthentication(user, groups);
        try {
            return List.of(
                runtimeService.createProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count(),
                taskService.createTaskQuery().processDefinitionKey(ViolenceLineProcess.KEY).count(),
                runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).count(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count(),
                historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count(),
                historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count(),
                historyService.createHistoricTaskInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count(),
                historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(ViolenceLineProcess.DECISION_RISK_LEVEL).count());
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<Long> restCounts(String user, String base) {
        TestRestTemplate client = as(user);
        return counts(path -> client.getForEntity(base + path, Map.class));
    }

    private List<Long> webappCounts(String user) {
        HttpHeaders session = login(user);
        return counts(path -> http.exchange("/camunda/api/engine/engine/default" + path, HttpMethod.GET, new HttpEntity<>(session), Map.class));
    }

    private List<Long> counts(java.util.function.Function<String, ResponseEntity<Map>> get) {
        String key = ViolenceLineProcess.KEY;
        List<Long> counts = new ArrayList<>();
        for (String path : List.of("/process-instance/count?processDefinitionKey=" + key, "/task/count?processDefinitionKey=" + key,
            "/variable-instance/count?processInstanceIdIn=" + instance.getId(),
            "/history/process-instance/count?processDefinitionKey=" + key,
            "/history/variable-instance/count?processInstanceId=" + instance.getId(),
            "/history/activity-instance/count?processInstanceId=" + instance.getId(),
            "/history/task/count?processDefinitionKey=" + key,
            "/history/decision-instance/count?decisionDefinitionKey=" + ViolenceLineProcess.DECISION_RISK_LEVEL)) {
            ResponseEntity<Map> response = get.apply(path);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
            counts.add(((Number) response.getBody().get("count")).longValue());
        }
        return counts;
    }

    /** Logs in to the web apps as Tasklist does and returns the session and CSRF headers. */
    private HttpHeaders login(String user) {
        return WebappSessions.login(http, "tasklist", user, password(user));
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, password(user));
    }

    private String password(String user) {
        return "admin".equals(user) ? adminPassword : "demo";
    }

    private void assertNoCaseData(String user, String body) {
        if (body != null) {
            assertThat(body).as(user).doesNotContain(ViolenceLineTestData.CANARY_NAME, ViolenceLineTestData.CANARY_PHONE,
                instance.getBusinessKey(), "Kanarya");
        }
    }
}
