package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;
import tr.bel.izmit.kadinaile.security.EngineDoors.Door;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData;

/**
 * What Tasklist's "Geçmiş" (History) tab of a task shows never names the citizen: the tab asks the web apps' API for the
 * task's user operation log ({@code /history/user-operation?taskId=…} and its count) and its comments
 * ({@code /task/{id}/comment}). A microcredit task and a violence-line task are completed as Tasklist completes them
 * ({@code submit-form} through the web apps' API with a login session, the read-only fields sent back with the values
 * they showed: the applicant's name among them), the next task claimed; then everyone who can open those tasks, and
 * those who read the processes' history (managers, administrators, the line's staff), reads the tab of both tasks and
 * the instance's log as Cockpit does. None of the answers, nor the engine's operation log itself, holds the name, the
 * T.C. Kimlik No or the phone; the answers do show the completion by its user, so the test reads the entries it means.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class TaskHistoryTabTests {

    private static final String DEMO_PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    FormRegistry forms;
    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    private final List<String> instances = new ArrayList<>();
    private final String run = Long.toString(System.nanoTime(), 36);

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        for (String id : instances) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "test clean-up", true, true);
            }
        }
    }

    @Test
    void shouldNeverShowTheApplicantInTheHistoryTabOfAMicrocreditTask() {
        String name = "Ayten Kanaryaoğlu GT" + run;
        String identityNumber = IdentityNumbers.randomTcKimlikNo();
        String phone = mobilePhone();
        Map<String, Object> start = MicrocreditTestData.startForm(2000);
        start.put("fullName", name);
        start.put("tcKimlikNo", identityNumber);
        start.put("phone", phone);
        ProcessInstance application = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, start);
        instances.add(application.getId());
        Task documents = openTask(application);
        assertThat(documents.getTaskDefinitionKey()).isEqualTo(MicrocreditProcess.Elements.CHECK_DOCUMENTS);

        Door officer = EngineDoors.webapp(rest, "ayse.yilmaz", DEMO_PASSWORD);
        claim(officer, documents, "ayse.yilmaz");
        Map<String, JsonNode> shown = submitAsTasklist(officer, documents, Map.of("documentsDecision", "COMPLETE"));
        assertThat(shown.get("fullName").path("value").asText()).as("the form showed her name, and it went back").isEqualTo(name);
        Task businessPlan = openTask(application);
        assertThat(businessPlan.getTaskDefinitionKey()).isEqualTo(MicrocreditProcess.Elements.ASSESS_BUSINESS_PLAN);
        Door mentor = EngineDoors.webapp(rest, "elif.demir", DEMO_PASSWORD);
        claim(mentor, businessPlan, "elif.demir");

        List<String> canaries = List.of(name, "Kanaryaoğlu", identityNumber, phone, phone.substring(1));
        Map<String, Door> readers = new LinkedHashMap<>();
        readers.put("ayse.yilmaz", officer);
        readers.put("elif.demir", mentor);
        readers.put("hatice.sahin", EngineDoors.webapp(rest, "hatice.sahin", DEMO_PASSWORD));
        readers.put(adminId, EngineDoors.webapp(rest, adminId, adminPassword));
        Map<String, String> completedTab = readTabs(readers, application, List.of(documents, businessPlan), canaries);

        // the manager (an observer of the process) and the administrator read its history: the completion is there
        for (String reader : List.of("hatice.sahin", adminId)) {
            assertThat(completedTab.get(reader)).as(reader + " reads the completed task's entries")
                .contains("\"operationType\":\"Complete\"").contains("\"userId\":\"ayse.yilmaz\"");
        }
        assertOperationLogFreeOf(application, canaries);
    }

    @Test
    void shouldNeverShowTheWomanInTheHistoryTabOfAViolenceLineTask() {
        String name = "Zümrüt Kanaryagöl GT" + run;
        String phone = mobilePhone();
        Map<String, Object> intake = new HashMap<>(ViolenceLineTestData.intake());
        intake.put("victimName", name);
        intake.put("safePhone", phone);
        intake.put("immediateDanger", true);
        intake.put("consentedReferrals", ViolenceLineTestData.checklist("POLICE"));
        ProcessInstance call;
        identityService.setAuthentication("merve.koc", List.of("violence-line-operators"));
        try {
            call = runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake);
        } finally {
            identityService.clearAuthentication();
        }
        instances.add(call.getId());
        Task emergency = taskService.createTaskQuery().processInstanceId(call.getId()).taskDefinitionKey("Task_EmergencyResponse")
            .singleResult();
        assertThat(emergency.getAssignee()).isEqualTo("merve.koc");

        Door operator = EngineDoors.webapp(rest, "merve.koc", DEMO_PASSWORD);
        // what an operator may well type in her note: the woman's name and number (the note is kept encrypted by the line)
        submitAsTasklist(operator, emergency, Map.of("emergencyActions", List.of("POLICE_155"),
            "staffNote", name + " aradı, güvenli numarası " + phone));
        Task referral = taskService.createTaskQuery().processInstanceId(call.getId()).taskDefinitionKey("Task_MakeReferral")
            .singleResult();
        Door socialWorker = EngineDoors.webapp(rest, "selin.aydin", DEMO_PASSWORD);
        claim(socialWorker, referral, "selin.aydin");

        List<String> canaries = List.of(name, "Kanaryagöl", phone, phone.substring(1));
        Map<String, Door> readers = new LinkedHashMap<>();
        readers.put("merve.koc", operator);
        readers.put("selin.aydin", socialWorker);
        readers.put("derya.ozturk", EngineDoors.webapp(rest, "derya.ozturk", DEMO_PASSWORD));
        Map<String, String> completedTab = readTabs(readers, call, List.of(emergency, referral), canaries);

        // the line's staff read the line's history: the operator's completion is there
        assertThat(completedTab.get("merve.koc")).contains("\"operationType\":\"Complete\"").contains("\"userId\":\"merve.koc\"");
        assertOperationLogFreeOf(call, canaries);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Each reader opens the tab of each task (the operation log and its count, the comments) and the instance's log;
     * none of it holds a canary. Returns what each reader's tab of the first (completed) task listed.
     */
    private Map<String, String> readTabs(Map<String, Door> readers, ProcessInstance instance, List<Task> tasks, List<String> canaries) {
        Map<String, String> firstTab = new HashMap<>();
        for (Map.Entry<String, Door> reader : readers.entrySet()) {
            Door door = reader.getValue();
            for (Task task : tasks) {
                List<String> calls = List.of(
                    "/history/user-operation/count?taskId=" + task.getId(),
                    "/history/user-operation?taskId=" + task.getId() + "&maxResults=50&firstResult=0",
                    "/task/" + task.getId() + "/comment",
                    "/history/user-operation?processInstanceId=" + instance.getId() + "&maxResults=50&firstResult=0");
                for (String call : calls) {
                    ResponseEntity<String> answer = door.send(HttpMethod.GET, call, null);
                    String body = String.valueOf(answer.getBody());
                    for (String canary : canaries) {
                        assertThat(body).as(door + " " + call).doesNotContain(canary);
                    }
                }
                if (task == tasks.get(0)) {
                    ResponseEntity<String> tab = door.send(HttpMethod.GET, calls.get(1), null);
                    assertThat(tab.getStatusCode()).as(door + ": " + tab.getBody()).isEqualTo(HttpStatus.OK);
                    firstTab.put(reader.getKey(), tab.getBody());
                }
            }
        }
        return firstTab;
    }

    /** The engine's operation log of the instance, every field of every entry, holds none of the canaries. */
    private void assertOperationLogFreeOf(ProcessInstance instance, List<String> canaries) {
        List<UserOperationLogEntry> entries = historyService.createUserOperationLogQuery().processInstanceId(instance.getId()).list();
        assertThat(entries).as("the completion is logged").anyMatch(entry -> "Complete".equals(entry.getOperationType()));
        for (UserOperationLogEntry entry : entries) {
            String fields = String.join("|", String.valueOf(entry.getProperty()), String.valueOf(entry.getOrgValue()),
                String.valueOf(entry.getNewValue()), String.valueOf(entry.getAnnotation()), String.valueOf(entry.getEntityType()),
                String.valueOf(entry.getOperationType()), String.valueOf(entry.getUserId()));
            for (String canary : canaries) {
                assertThat(fields).doesNotContain(canary);
            }
        }
    }

    private void claim(Door door, Task task, String user) {
        ResponseEntity<String> claimed = door.post("/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}");
        assertThat(claimed.getStatusCode().is2xxSuccessful()).as(door + ": " + claimed.getBody()).isTrue();
    }

    /**
     * What Tasklist 7.24 sends for a Camunda Form: every field that is not disabled, the read-only ones with the value
     * they were shown with (from {@code form-variables}; a text field shows it as text), plus what the person typed (a
     * list as a checklist's JSON). Returns what the form showed.
     */
    private Map<String, JsonNode> submitAsTasklist(Door door, Task task, Map<String, Object> typed) {
        ResponseEntity<String> shownAnswer = door.send(HttpMethod.GET, "/task/" + task.getId() + "/form-variables", null);
        assertThat(shownAnswer.getStatusCode()).as(shownAnswer.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode shown = readTree(shownAnswer.getBody());
        String formRef = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
            .getCamundaFormRef().getKey();
        ObjectNode variables = JSON.createObjectNode();
        Map<String, Object> typedVariables = CanaryDoors.restVariables(typed);
        for (FormField field : forms.get(formRef).topLevelFields()) {
            if (field.disabled()) {
                continue;
            }
            if (field.readonly()) {
                JsonNode value = shown.path(field.key()).path("value");
                ObjectNode entry = variables.putObject(field.key());
                if (value.isMissingNode() || value.isNull()) {
                    entry.putNull("value");
                } else if ("textfield".equals(field.type()) || "textarea".equals(field.type())) {
                    entry.put("value", value.asText());
                } else {
                    entry.set("value", value);
                }
            } else if (typedVariables.containsKey(field.key())) {
                variables.set(field.key(), JSON.valueToTree(typedVariables.get(field.key())));
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("variables", variables);
        ResponseEntity<String> submitted = door.post("/task/" + task.getId() + "/submit-form", body.toString());
        assertThat(submitted.getStatusCode().is2xxSuccessful()).as(door + ": " + submitted.getBody()).isTrue();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("completed").isZero();
        Map<String, JsonNode> fields = new HashMap<>();
        shown.fields().forEachRemaining(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }

    private Task openTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private static String mobilePhone() {
        return "0549" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }
}
