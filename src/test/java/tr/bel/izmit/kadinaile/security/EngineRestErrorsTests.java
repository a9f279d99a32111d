package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.support.WebappSessions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution;

/**
 * Finding 12 of "Insiders": a submission the server refuses is a 400 with a Turkish message naming the field, on both
 * doors of the engine REST API (/engine-rest with HTTP Basic, /camunda/api/engine with a Tasklist session); ordinary
 * bad input is a 4xx without engine codes, Java type names or stack traces; nothing of the refused request is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestErrorsTests {

    private static final String PASSWORD = "Engine-Errors-Password-5";
    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    private static final long REQUESTED = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private final List<String> users = new ArrayList<>();
    private String member;
    private ProcessInstance application;
    private Task committeeDecision;

    /** A microcredit application of 3,000 TL waiting for the committee, claimed by a committee member. */
    @BeforeEach
    void applicationAtTheCommittee() {
        member = user("err-committee", MICROCREDIT_COMMITTEE);
        identityService.setAuthentication("err-officer", List.of(StaffGroup.IZGIM_OFFICERS.id()));
        try {
            application = runtimeService.startProcessInstanceByKey("microcredit-application", MicrocreditTestData.startForm(REQUESTED));
        } finally {
            identityService.clearAuthentication();
        }
        completeAs("err-officer", Map.of("documentsDecision", "COMPLETE"));
        completeAs("err-mentor", Map.of("businessPlanScore", 4L, "businessPlanComment", "Gerçekçi bir plan."));
        committeeDecision = openTask();
        assertThat(committeeDecision.getTaskDefinitionKey()).isEqualTo("Task_CommitteeDecision");
        taskService.claim(committeeDecision.getId(), member);
    }

    @AfterEach
    void cleanUp() {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(application.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(application.getId(), "test clean-up", true, true);
        }
        users.forEach(identityService::deleteUser);
        users.clear();
    }

    // ---------------------------------------------------------------- a rule of ours, refused

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"submit-form", "complete"})
    void shouldRefuseAnApprovalAboveTheRequestedAmountOverEngineRest(String action) {
        ResponseEntity<String> refused = basic().postForEntity("/engine-rest/task/" + committeeDecision.getId() + "/" + action,
            json(approve("{\"value\":4000,\"type\":\"Long\"}")), String.class);

        assertRefusedAt(refused, "approvedAmount", "Onaylanan tutar talep edilen tutarı (3.000,00 TL) aşamaz.");
        assertStillOpen();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"submit-form", "complete"})
    void shouldRefuseAnApprovalAboveTheRequestedAmountInTasklistsEngineApi(String action) {
        HttpHeaders session = WebappSessions.login(rest, "tasklist", member, PASSWORD);
        session.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> refused = rest.exchange(WEBAPP_ENGINE + "/task/" + committeeDecision.getId() + "/" + action,
            HttpMethod.POST, new HttpEntity<>(approve("{\"value\":4000,\"type\":\"Long\"}"), session), String.class);

        assertRefusedAt(refused, "approvedAmount", "Onaylanan tutar talep edilen tutarı (3.000,00 TL) aşamaz.");
        assertStillOpen();
    }

    @Test
    void shouldRefuseAValueOfTheWrongKindForAFormFieldOnBothDoors() {
        // a text where the form has a number: Tasklist's form would not send it, a crafted request does
        String body = approve("{\"value\":\"viertausend\",\"type\":\"String\"}");
        HttpHeaders session = WebappSessions.login(rest, "tasklist", member, PASSWORD);
        session.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> overRest = basic().postForEntity("/engine-rest/task/" + committeeDecision.getId() + "/submit-form",
            json(body), String.class);
        ResponseEntity<String> inTasklist = rest.exchange(WEBAPP_ENGINE + "/task/" + committeeDecision.getId() + "/submit-form",
            HttpMethod.POST, new HttpEntity<>(body, session), String.class);

        assertRefusedAt(overRest, "approvedAmount", "Onaylanan tutar (TL) bir sayı olmalıdır.");
        assertRefusedAt(inTasklist, "approvedAmount", "Onaylanan tutar (TL) bir sayı olmalıdır.");
        assertStillOpen();
    }

    @Test
    void shouldRefuseAStartFormAboveTheLimitOverEngineRest() {
        String officer = user("err-start", StaffGroup.IZGIM_OFFICERS);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("microcredit-application").count();
        StringBuilder variables = new StringBuilder();
        MicrocreditTestData.startForm(99_999).forEach((name, value) -> variables.append(variables.isEmpty() ? "" : ",")
            .append('"').append(name).append("\":{\"value\":")
            .append(value instanceof String ? "\"" + value + "\"" : value).append('}'));

        ResponseEntity<String> refused = rest.withBasicAuth(officer, PASSWORD).postForEntity(
            "/engine-rest/process-definition/key/microcredit-application/submit-form",
            json("{\"variables\":{" + variables + "}}"), String.class);

        JsonNode body = assertBadRequest(refused);
        assertThat(body.path("type").asText()).isEqualTo("ValidationError");
        assertThat(fields(body)).contains("requestedAmount");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("microcredit-application").count())
            .isEqualTo(before);
    }

    // ---------------------------------------------------------------- ordinary bad input

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "number as text           | {\"value\":\"abc\",\"type\":\"Long\"}                      | Değer belirtilen türe (Long) çevrilemedi.",
        "date in another format   | {\"value\":\"01.03.2025\",\"type\":\"Date\"}               | Tarih biçimi: yyyy-MM-dd'T'HH:mm:ss.SSSZ",
        "unknown type name        | {\"value\":2000,\"type\":\"Money\"}                        | Bilinmeyen değer türü.",
        "JSON that is none        | {\"value\":\"{bad\",\"type\":\"Json\"}                     | Değer okunamadı",
        "object of an unknown class | {\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"com.example.Nope\",\"serializationDataFormat\":\"application/json\"}} | Değer okunamadı",
        "Java serialization       | {\"value\":\"rO0ABQ==\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}} | Java serileştirmesiyle",
    })
    void shouldAnswerABadVariableValueWith400InTurkish(String what, String value, String message) {
        for (String action : List.of("submit-form", "complete")) {
            ResponseEntity<String> refused = basic().postForEntity("/engine-rest/task/" + committeeDecision.getId() + "/" + action,
                json(approve(value)), String.class);

            JsonNode body = assertBadRequest(refused);
            assertThat(body.path("message").asText()).as(what + ", " + action).contains(message);
        }
        assertStillOpen();
    }

    @Test
    void shouldAnswerABodyThatIsNoJsonOrOfTheWrongShapeWith400InTurkish() {
        String complete = "/engine-rest/task/" + committeeDecision.getId() + "/complete";

        ResponseEntity<String> truncated = basic().postForEntity(complete, json("{\"variables\":{\"approvedAmount\":{\"value\":2000}"),
            String.class);
        ResponseEntity<String> notJson = basic().postForEntity(complete, json("approvedAmount=2000"), String.class);
        ResponseEntity<String> wrongShape = basic().postForEntity(complete, json("{\"variables\":[1,2]}"), String.class);
        ResponseEntity<String> wrongDate = basic().postForEntity("/engine-rest/task?maxResults=10", json("{\"dueAfter\":\"yarın\"}"),
            String.class);

        for (ResponseEntity<String> response : List.of(truncated, notJson, wrongShape, wrongDate)) {
            assertThat(assertBadRequest(response).path("message").asText()).startsWith("İstek gövdesi okunamadı");
        }
        assertThat(fields(assertBadRequest(wrongShape))).containsExactly("variables");
        assertThat(fields(assertBadRequest(wrongDate))).containsExactly("dueAfter");
        assertStillOpen();
    }

    @Test
    void shouldAnswerAQueryParameterThatCannotBeReadWith400InTurkish() {
        ResponseEntity<String> date = basic().getForEntity(URI.create(rest.getRootUri() + "/engine-rest/task?maxResults=10&dueAfter=yarin"),
            String.class);
        ResponseEntity<String> number = basic().getForEntity(URI.create(rest.getRootUri() + "/engine-rest/task?maxResults=10&priority=yuksek"),
            String.class);

        assertThat(fields(assertBadRequest(date))).containsExactly("dueAfter");
        assertThat(fields(assertBadRequest(number))).containsExactly("priority");
    }

    // ---------------------------------------------------------------- what stays as it was

    @Test
    void shouldKeepForbiddenAndNotFoundAsTheyWere() {
        String mentor = user("err-mentor", ENTREPRENEURSHIP_MENTORS);

        ResponseEntity<String> notTheirs = rest.withBasicAuth(mentor, PASSWORD).postForEntity(
            "/engine-rest/task/" + committeeDecision.getId() + "/complete", json(approve("{\"value\":2000}")), String.class);
        ResponseEntity<String> noSuchDefinition = basic().getForEntity("/engine-rest/process-definition/key/no-such-process", String.class);

        assertThat(notTheirs.getStatusCode()).as(notTheirs.getBody()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(noSuchDefinition.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertStillOpen();
    }

    @Test
    void shouldStillCompleteAValidDecision() {
        ResponseEntity<String> done = basic().postForEntity("/engine-rest/task/" + committeeDecision.getId() + "/submit-form",
            json(approve("{\"value\":2500,\"type\":\"Long\"}")), String.class);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(committeeDecision.getId()).count()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    /** 400, JSON {type, message, errors[{field, message}]}, the message and the field's message in Turkish. */
    private static void assertRefusedAt(ResponseEntity<String> response, String field, String message) {
        JsonNode body = assertBadRequest(response);
        assertThat(body.path("type").asText()).isEqualTo("ValidationError");
        assertThat(body.path("message").asText()).startsWith("Girilen bilgilerde hata var:").contains(message);
        assertThat(body.path("errors").isArray()).isTrue();
        assertThat(body.path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(field);
            assertThat(error.path("message").asText()).isEqualTo(message);
        });
    }

    /** 400 with a JSON body of our shape, and nothing of the engine's insides. */
    private static JsonNode assertBadRequest(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(response.getBody()).doesNotContain("ENGINE-", "SPIN/", "Exception", "exception", "java.", "org.camunda",
            "tr.bel.izmit", "Cannot ", "\tat ");
        JsonNode body = read(response.getBody());
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("errors")).isTrue();
        return body;
    }

    private static List<String> fields(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private void assertStillOpen() {
        Task task = taskService.createTaskQuery().taskId(committeeDecision.getId()).singleResult();
        assertThat(task).as("the committee decision is still open").isNotNull();
        assertThat(task.getAssignee()).isEqualTo(member);
        assertThat(runtimeService.getVariable(application.getId(), "approvedAmount")).isNull();
        assertThat(runtimeService.getVariable(application.getId(), "committeeDecision")).isNull();
    }

    private static String approve(String approvedAmount) {
        return "{\"variables\":{\"committeeDecision\":{\"value\":\"APPROVE\"},\"approvedAmount\":" + approvedAmount + "}}";
    }

    private TestRestTemplate basic() {
        return rest.withBasicAuth(member, PASSWORD);
    }

    private String user(String prefix, StaffGroup group) {
        String id = prefix + "-" + Long.toString(System.nanoTime(), 36);
        users.add(TestUsers.create(identityService, id, PASSWORD, group.id()));
        return id;
    }

    private void completeAs(String user, Map<String, Object> variables) {
        Task task = openTask();
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }

    private Task openTask() {
        return taskService.createTaskQuery().processInstanceId(application.getId()).singleResult();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("no JSON: " + body, e);
        }
    }
}
