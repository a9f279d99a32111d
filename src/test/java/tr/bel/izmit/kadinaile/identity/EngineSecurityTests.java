package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * What an anonymous caller, a caller with a wrong password, a staff member without groups and the
 * administrator can reach over HTTP, and the engine settings that keep scripts and Java serialization out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineSecurityTests {

    private static final String MICROCREDIT = "microcredit-application";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> startedInstances = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        for (String instanceId : startedInstances) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                runtimeService.deleteProcessInstance(instanceId, "test clean-up", true, true);
            }
        }
        startedInstances.clear();
        for (String userId : createdUsers) {
            identityService.deleteUser(userId);
        }
        createdUsers.clear();
    }

    // ---------------------------------------------------------------- anonymous callers

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /engine-rest/process-definition",
        "GET, /engine-rest/process-definition/key/microcredit-application",
        "GET, /engine-rest/task",
        "GET, /engine-rest/task/count",
        "GET, /engine-rest/process-instance",
        "GET, /engine-rest/deployment",
        "GET, /engine-rest/user",
        "GET, /engine-rest/group",
        "GET, /engine-rest/authorization",
        "GET, /engine-rest/filter",
        "GET, /engine-rest/history/process-instance",
        "GET, /engine-rest/history/variable-instance",
        "GET, /engine-rest/job",
        "GET, /engine-rest/incident",
        "GET, /engine-rest/variable-instance",
        "GET, /engine-rest/decision-definition",
        "GET, /engine-rest/engine/default/task",
        "POST, /engine-rest/message",
        "POST, /engine-rest/process-definition/key/microcredit-application/start",
        "POST, /engine-rest/user/create",
    })
    void shouldRejectAnonymousEngineRestCallsWithABasicChallenge(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> request = new HttpEntity<>(method == HttpMethod.POST ? "{\"messageName\":\"anything\"}" : null, headers);

        ResponseEntity<String> response = rest.exchange(path, method, request, String.class);

        assertUnauthorizedWithChallenge(response);
    }

    @Test
    void shouldRejectAnAnonymousDeployment() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "anonymous-upload");
        parts.add("data", new ByteArrayResource("<definitions/>".getBytes()) {
            @Override
            public String getFilename() {
                return "evil.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> multipart = rest.postForEntity("/engine-rest/deployment/create",
            new HttpEntity<>(parts, headers), String.class);
        ResponseEntity<String> empty = rest.postForEntity("/engine-rest/deployment/create", null, String.class);

        assertUnauthorizedWithChallenge(multipart);
        assertUnauthorizedWithChallenge(empty);
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().deploymentName("anonymous-upload").count())
            .isZero();
    }

    @Test
    void shouldRejectAnonymousStaffApiCalls() {
        ResponseEntity<String> response = rest.getForEntity("/api/staff/microcredit/loans/1", String.class);

        assertUnauthorizedWithChallenge(response);
    }

    // ---------------------------------------------------------------- authenticated callers

    @Test
    void shouldRejectAWrongPassword() {
        // A user of its own: failed logins lock the account for a while, which must not hit the admin.
        String userId = createUser("sec-wrong-password");

        ResponseEntity<String> wrong = rest.withBasicAuth(userId, "not-the-password")
            .getForEntity("/engine-rest/process-definition?maxResults=10", String.class);
        ResponseEntity<String> unknownUser = rest.withBasicAuth("nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever")
            .getForEntity("/engine-rest/process-definition?maxResults=10", String.class);
        ResponseEntity<String> wrongOnStaffApi = rest.withBasicAuth(userId, "still-not-the-password")
            .getForEntity("/api/staff/microcredit/loans/1", String.class);

        assertUnauthorizedWithChallenge(wrong);
        assertUnauthorizedWithChallenge(unknownUser);
        assertUnauthorizedWithChallenge(wrongOnStaffApi);
    }

    @Test
    void shouldLetTheAdministratorListProcessDefinitions() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(adminId, adminPassword)
            .getForEntity("/engine-rest/process-definition?maxResults=10", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(keysOf(response.getBody())).contains(MICROCREDIT);
    }

    @Test
    void shouldShowNoTasksToAnAuthenticatedUserWithoutGroups() {
        String password = "Group-less-Password-42";
        String userId = createUser("sec-no-groups", password);
        ProcessInstance instance = startMicrocreditApplication();
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isPositive();

        ResponseEntity<JsonNode> adminView = rest.withBasicAuth(adminId, adminPassword)
            .getForEntity("/engine-rest/task?maxResults=100&processInstanceId=" + instance.getId(), JsonNode.class);
        ResponseEntity<JsonNode> ownInstance = rest.withBasicAuth(userId, password)
            .getForEntity("/engine-rest/task?maxResults=100&processInstanceId=" + instance.getId(), JsonNode.class);
        ResponseEntity<JsonNode> anyTask = rest.withBasicAuth(userId, password)
            .getForEntity("/engine-rest/task?maxResults=10", JsonNode.class);
        ResponseEntity<JsonNode> definitions = rest.withBasicAuth(userId, password)
            .getForEntity("/engine-rest/process-definition?maxResults=10", JsonNode.class);

        assertThat(adminView.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(adminView.getBody()).isNotEmpty();
        assertThat(ownInstance.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ownInstance.getBody().isArray()).isTrue();
        assertThat(ownInstance.getBody()).isEmpty();
        assertThat(anyTask.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anyTask.getBody().isArray()).isTrue();
        assertThat(anyTask.getBody()).isEmpty();
        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(keysOf(definitions.getBody())).doesNotContain(MICROCREDIT);
    }

    // ---------------------------------------------------------------- actuator and web apps

    @Test
    void shouldShowHealthWithoutDetailsToAnonymousCallers() {
        ResponseEntity<JsonNode> health = rest.getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(health.getBody().has("components")).isFalse();
        assertThat(health.getBody().has("details")).isFalse();
    }

    @Test
    void shouldShowInfoToAnonymousCallers() {
        ResponseEntity<String> info = rest.getForEntity("/actuator/info", String.class);

        assertThat(info.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldNotShowPrometheusMetricsToAnonymousCallers() {
        ResponseEntity<String> prometheus = rest.getForEntity("/actuator/prometheus", String.class);

        assertUnauthorizedWithChallenge(prometheus);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/loggers",
        "/actuator/heapdump", "/actuator/threaddump", "/actuator/mappings", "/actuator/metrics"})
    void shouldNotExposeSensitiveActuatorEndpoints(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldNotGiveTasklistDataToAnonymousCallers() {
        startMicrocreditApplication();

        ResponseEntity<String> tasks = rest.getForEntity("/camunda/api/engine/engine/default/task?maxResults=10", String.class);
        ResponseEntity<String> definitions = rest.getForEntity(
            "/camunda/api/engine/engine/default/process-definition?maxResults=10", String.class);

        assertThat(tasks.getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(definitions.getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(tasks.getBody()).doesNotContain(MICROCREDIT);
        assertThat(definitions.getBody()).doesNotContain(MICROCREDIT);
    }

    // ---------------------------------------------------------------- engine configuration

    @Test
    void shouldRunTheEngineWithAuthorizationAndWithoutJavaSerialization() {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        assertThat(configuration.isAuthorizationEnabled()).isTrue();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    }

    @Test
    void shouldHaveNoGeneralPurposeScriptEngineOnTheClasspath() {
        ScriptEngineManager manager = new ScriptEngineManager();
        List<ScriptEngineFactory> factories = manager.getEngineFactories();

        // Only the expression languages the engine itself brings: JUEL, and FEEL (with its unary tests) for DMN.
        assertThat(factories).extracting(factory -> factory.getClass().getName()).containsExactlyInAnyOrder(
            "org.camunda.bpm.engine.impl.scripting.engine.JuelScriptEngineFactory",
            "org.camunda.feel.impl.script.FeelScriptEngineFactory",
            "org.camunda.feel.impl.script.FeelUnaryTestsScriptEngineFactory");
        assertThat(factories).flatExtracting(ScriptEngineFactory::getNames)
            .map(name -> name.toLowerCase(Locale.ROOT))
            .noneMatch(name -> name.contains("javascript") || name.equals("js") || name.contains("ecmascript")
                || name.contains("nashorn") || name.contains("graal") || name.contains("groovy")
                || name.contains("python") || name.contains("jython") || name.contains("ruby"));
        for (String language : List.of("javascript", "js", "ecmascript", "nashorn", "graal.js", "groovy", "python", "jython")) {
            assertThat(manager.getEngineByName(language)).as(language).isNull();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertUnauthorizedWithChallenge(ResponseEntity<?> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNotBlank().startsWithIgnoringCase("Basic");
    }

    private static List<String> keysOf(JsonNode definitions) {
        assertThat(definitions).isNotNull();
        assertThat(definitions.isArray()).isTrue();
        List<String> keys = new ArrayList<>();
        definitions.forEach(definition -> keys.add(definition.path("key").asText()));
        return keys;
    }

    private String createUser(String prefix) {
        return createUser(prefix, "Right-Password-" + UUID.randomUUID());
    }

    private String createUser(String prefix, String password) {
        String userId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        createdUsers.add(TestUsers.create(identityService, userId, password));
        return userId;
    }

    private ProcessInstance startMicrocreditApplication() {
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", "Güvenlik Test Başvuran");
        // a fresh person each time: one open microcredit application per person
        values.put("tcKimlikNo", tr.bel.izmit.kadinaile.support.IdentityNumbers.randomTcKimlikNo());
        values.put("phone", "05321234567");
        values.put("email", "guvenlik@example.org");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        values.put("requestedAmount", 3000L);
        values.put("termMonths", "6");
        values.put("iban", "TR330006100519786457841326");
        values.put("kvkkConsent", true);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MICROCREDIT, values);
        startedInstances.add(instance.getId());
        return instance;
    }
}
