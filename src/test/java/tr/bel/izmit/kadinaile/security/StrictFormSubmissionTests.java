package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.microcredit.LoanRepository;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditApplication;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditApplications;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;
import tr.bel.izmit.kadinaile.security.EngineDoors.Door;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution;

/**
 * Insiders cannot change what their form does not let them change (findings 4 and 5 of "Insiders"), through
 * {@code /engine-rest} with HTTP Basic and through the web apps' API with a Tasklist session, with
 * {@code submit-form} and with {@code complete}; the routing facts come from our record, not from variables.
 * A refused field is a 400 naming the field in {@code errors[]}, with the Turkish message (common.web.EngineRestErrors).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StrictFormSubmissionTests {

    private static final String PASSWORD = "Strict-Forms-Test-Password-7";
    private static final String NOT_CHANGEABLE = "Bu alan bu formda değiştirilemez";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MicrocreditApplications applications;
    @Autowired
    LoanRepository loans;
    @Autowired
    FormRegistry forms;

    private final List<String> users = new ArrayList<>();
    private final List<String> instances = new ArrayList<>();
    private String officer;
    private String mentor;
    private String member;
    private String otherMember;
    private String manager;

    @BeforeEach
    void createStaff() {
        officer = user("sf-officer", StaffGroup.IZGIM_OFFICERS);
        mentor = user("sf-mentor", ENTREPRENEURSHIP_MENTORS);
        // finding 4: a committee member who is also a manager
        member = user("sf-member", MICROCREDIT_COMMITTEE, StaffGroup.MANAGERS);
        otherMember = user("sf-other", MICROCREDIT_COMMITTEE);
        manager = user("sf-manager", StaffGroup.MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        for (String id : instances) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtimeService.deleteProcessInstance(id, "test clean-up", true, true);
            }
        }
        users.forEach(identityService::deleteUser);
    }

    static Stream<Arguments> doorsAndVerbs() {
        return Stream.of(Arguments.of("engine-rest", "submit-form"), Arguments.of("engine-rest", "complete"),
            Arguments.of("webapp", "submit-form"), Arguments.of("webapp", "complete"));
    }

    // ---------------------------------------------------------------- finding 5: manager approval skipped

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("doorsAndVerbs")
    void shouldRefuseARoutingVariableAddedToTheBusinessPlanForm(String door, String verb) {
        ProcessInstance instance = startAtBusinessPlan(3500);
        Task task = taskOf(instance);
        Object before = runtimeService.getVariable(instance.getId(), Vars.MANAGER_APPROVAL_REQUIRED);

        ResponseEntity<String> response = door(door, mentor).post("/task/" + task.getId() + "/" + verb, variables(Map.of(
            Vars.BUSINESS_PLAN_SCORE, 4, Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan.",
            Vars.MANAGER_APPROVAL_REQUIRED, false)));

        assertRefusedNaming(response, Vars.MANAGER_APPROVAL_REQUIRED);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.MANAGER_APPROVAL_REQUIRED)).isEqualTo(before);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.BUSINESS_PLAN_SCORE)).as("nothing half-written").isNull();
        assertThat(loans.findByApplicationId(application(instance).getId())).isEmpty();
    }

    @Test
    void shouldLetA3500LoanWaitForTheManagerWhateverTheVariablesSay() {
        ProcessInstance instance = startAtBusinessPlan(3500);
        assertSubmitted(submitAsTasklist(EngineDoors.engineRest(rest, mentor, PASSWORD), taskOf(instance),
            Map.of(Vars.BUSINESS_PLAN_SCORE, 4, Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan.")));
        // whatever a variable says (here written by the application itself), the amount in our record decides
        runtimeService.setVariable(instance.getId(), Vars.MANAGER_APPROVAL_REQUIRED, false);

        assertSubmitted(submitAsTasklist(EngineDoors.webapp(rest, member, PASSWORD), taskOf(instance),
            Map.of(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, 3500)));

        assertWaitingAt(instance, Elements.MANAGER_APPROVAL);
        assertThat(loans.findByApplicationId(application(instance).getId())).isEmpty();
    }

    @Test
    void shouldNeedNoManagerWhenTheCommitteeLowersTheAmountTo3000() {
        ProcessInstance instance = startAtBusinessPlan(3500);
        assertSubmitted(submitAsTasklist(EngineDoors.webapp(rest, mentor, PASSWORD), taskOf(instance),
            Map.of(Vars.BUSINESS_PLAN_SCORE, 4, Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan.")));

        assertSubmitted(submitAsTasklist(EngineDoors.engineRest(rest, member, PASSWORD), taskOf(instance),
            Map.of(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, 3000)));

        assertWaitingAt(instance, Elements.DISBURSE_LOAN);
        assertThat(application(instance).getApprovedAmount()).isEqualByComparingTo("3000");
    }

    // ---------------------------------------------------------------- finding 4: four eyes bypassed

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("doorsAndVerbs")
    void shouldRefuseNamingAnotherCommitteeMemberOnTheManagersForm(String door, String verb) {
        ProcessInstance instance = startAtManagerApproval(4000, member);
        Task approval = taskOf(instance);

        ResponseEntity<String> response = door(door, member).post("/task/" + approval.getId() + "/" + verb, variables(Map.of(
            Vars.MANAGER_DECISION, "APPROVE", Vars.COMMITTEE_DECIDED_BY, otherMember)));

        assertRefusedNaming(response, Vars.COMMITTEE_DECIDED_BY);
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.COMMITTEE_DECIDED_BY)).isEqualTo(member);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.MANAGER_DECISION)).isNull();
        assertThat(application(instance).getCommitteeDecidedBy()).isEqualTo(member);
        assertThat(loans.findByApplicationId(application(instance).getId())).isEmpty();
    }

    @Test
    void shouldKeepTheCommitteeMemberFromApprovingAsManagerWhateverTheVariableSays() {
        ProcessInstance instance = startAtManagerApproval(4000, member);
        Task approval = taskOf(instance);
        // the variable is only shown on the form: the rule reads who completed the committee task
        runtimeService.setVariable(instance.getId(), Vars.COMMITTEE_DECIDED_BY, otherMember);

        ResponseEntity<String> own = submitAsTasklist(EngineDoors.engineRest(rest, member, PASSWORD), approval,
            Map.of(Vars.MANAGER_DECISION, "APPROVE"));
        assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(own.getBody()).contains("Dört göz ilkesi");
        assertWaitingAt(instance, Elements.MANAGER_APPROVAL);

        // a read-only field is accepted only with the value it was shown with
        Door managerDoor = EngineDoors.webapp(rest, manager, PASSWORD);
        ResponseEntity<String> raised = managerDoor.post("/task/" + approval.getId() + "/submit-form", variables(Map.of(
            Vars.MANAGER_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, 5000)));
        assertRefusedNaming(raised, Vars.APPROVED_AMOUNT);
        assertWaitingAt(instance, Elements.MANAGER_APPROVAL);

        assertSubmitted(submitAsTasklist(managerDoor, approval, Map.of(Vars.MANAGER_DECISION, "APPROVE")));
        assertWaitingAt(instance, Elements.DISBURSE_LOAN);
    }

    // ---------------------------------------------------------------- start

    @Test
    void shouldStartOnlyWithTheStartFormsFieldsAndAtTheStartEvent() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(MicrocreditProcess.KEY).count();
        Door door = EngineDoors.engineRest(rest, officer, PASSWORD);
        String path = "/process-definition/key/" + MicrocreditProcess.KEY;
        Map<String, Object> withRoutingFact = new LinkedHashMap<>(MicrocreditTestData.startForm(3500));
        withRoutingFact.put(Vars.MANAGER_APPROVAL_REQUIRED, false);

        assertRefusedNaming(door.post(path + "/submit-form", variables(withRoutingFact)), Vars.MANAGER_APPROVAL_REQUIRED);
        assertRefusedNaming(door.post(path + "/start", variables(withRoutingFact)), Vars.MANAGER_APPROVAL_REQUIRED);
        ObjectNode atDisbursement = (ObjectNode) readTree(variables(MicrocreditTestData.startForm(3500)));
        atDisbursement.putArray("startInstructions").addObject().put("type", "startBeforeActivity")
            .put("activityId", Elements.DISBURSE_LOAN);
        ResponseEntity<String> skipped = door.post(path + "/start", atDisbursement.toString());
        assertThat(skipped.getStatusCode()).as(skipped.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MicrocreditProcess.KEY).count())
            .isEqualTo(before);

        ResponseEntity<String> honest = door.post(path + "/submit-form", variables(MicrocreditTestData.startForm(3500)));
        assertSubmitted(honest);
        instances.add(readTree(honest.getBody()).path("id").asText());
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MicrocreditProcess.KEY).count())
            .isEqualTo(before + 1);
    }

    // ---------------------------------------------------------------- other write doors

    @Test
    void shouldRefuseVariableWritesModificationAndRestartByPeople() {
        ProcessInstance instance = startAtBusinessPlan(3500);
        Task task = taskOf(instance);
        String pid = instance.getId();
        Map<String, Object> variablesBefore = runtimeService.getVariables(pid);
        String change = "{\"modifications\":{\"managerApprovalRequired\":{\"value\":false}}}";
        String value = "{\"value\":false}";
        List<Door> doors = List.of(EngineDoors.engineRest(rest, mentor, PASSWORD), EngineDoors.webapp(rest, officer, PASSWORD),
            EngineDoors.engineRest(rest, officer, PASSWORD));

        for (Door door : doors) {
            List<ResponseEntity<String>> answers = List.of(
                door.post("/task/" + task.getId() + "/variables", change),
                door.send(HttpMethod.PUT, "/task/" + task.getId() + "/variables/managerApprovalRequired", value),
                door.send(HttpMethod.PUT, "/task/" + task.getId() + "/localVariables/managerApprovalRequired", value),
                door.send(HttpMethod.DELETE, "/task/" + task.getId() + "/variables/applicationId", null),
                door.post("/process-instance/" + pid + "/variables", change),
                door.send(HttpMethod.PUT, "/process-instance/" + pid + "/variables/managerApprovalRequired", value),
                door.send(HttpMethod.DELETE, "/process-instance/" + pid + "/variables/applicationId", null),
                door.post("/execution/" + pid + "/localVariables", change),
                door.post("/process-instance/" + pid + "/modification",
                    "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_DisburseLoan\"}]}"),
                door.post("/task/" + task.getId() + "/bpmnError", "{\"errorCode\":\"any\"}"));
            for (ResponseEntity<String> answer : answers) {
                assertThat(answer.getStatusCode()).as(door + ": " + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
        assertThat(runtimeService.getVariables(pid)).isEqualTo(variablesBefore);
        assertWaitingAt(instance, Elements.ASSESS_BUSINESS_PLAN);
        assertThat(managementService.createJobQuery().processInstanceId(pid).count()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private Door door(String name, String user) {
        return "webapp".equals(name) ? EngineDoors.webapp(rest, user, PASSWORD) : EngineDoors.engineRest(rest, user, PASSWORD);
    }

    /**
     * What Tasklist 7.24 sends for a Camunda Form: every field that is not disabled, the read-only ones with the
     * value they were shown with (from {@code form-variables}; a text field shows it as text), plus what the person
     * typed.
     */
    private ResponseEntity<String> submitAsTasklist(Door door, Task task, Map<String, Object> typed) {
        ResponseEntity<String> shown = door.send(HttpMethod.GET, "/task/" + task.getId() + "/form-variables", null);
        assertThat(shown.getStatusCode()).as(shown.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode current = readTree(shown.getBody());
        String formRef = taskService.createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
            .getCamundaFormRef().getKey();
        ObjectNode variables = JSON.createObjectNode();
        for (FormField field : forms.get(formRef).topLevelFields()) {
            if (field.disabled()) {
                continue;
            }
            if (field.readonly()) {
                JsonNode value = current.path(field.key()).path("value");
                ObjectNode entry = variables.putObject(field.key());
                if (value.isMissingNode() || value.isNull()) {
                    entry.putNull("value");
                } else if ("textfield".equals(field.type()) || "textarea".equals(field.type())) {
                    entry.put("value", value.asText());
                } else {
                    entry.set("value", value);
                }
            } else if (typed.containsKey(field.key())) {
                variables.putObject(field.key()).set("value", JSON.valueToTree(typed.get(field.key())));
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("variables", variables);
        return door.post("/task/" + task.getId() + "/submit-form", body.toString());
    }

    private ProcessInstance startAtBusinessPlan(long amount) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(amount));
        instances.add(instance.getId());
        taskService.complete(taskOf(instance).getId(), Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        assertWaitingAt(instance, Elements.ASSESS_BUSINESS_PLAN);
        return instance;
    }

    private ProcessInstance startAtManagerApproval(long amount, String committeeMember) {
        ProcessInstance instance = startAtBusinessPlan(amount);
        taskService.complete(taskOf(instance).getId(), Map.of(Vars.BUSINESS_PLAN_SCORE, 4L, Vars.BUSINESS_PLAN_COMMENT, "İyi."));
        Task committee = taskOf(instance);
        taskService.claim(committee.getId(), committeeMember);
        taskService.complete(committee.getId(), Map.of(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, amount));
        assertWaitingAt(instance, Elements.MANAGER_APPROVAL);
        assertThat(application(instance).getCommitteeDecidedBy()).isEqualTo(committeeMember);
        return instance;
    }

    private Task taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
    }

    private void assertWaitingAt(ProcessInstance instance, String activityId) {
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(activityId);
    }

    private MicrocreditApplication application(ProcessInstance instance) {
        return applications.ofProcessInstance(instance.getId());
    }

    private static void assertRefusedNaming(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("\"field\":\"" + field + "\"").contains(NOT_CHANGEABLE + ": " + field);
    }

    private static void assertSubmitted(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    }

    private static String variables(Map<String, Object> values) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        values.forEach((name, value) -> variables.putObject(name).set("value", JSON.valueToTree(value)));
        return body.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(json, e);
        }
    }

    private String user(String prefix, StaffGroup... groups) {
        String id = prefix + "-" + Long.toString(System.nanoTime(), 36);
        users.add(TestUsers.create(identityService, id, PASSWORD, Stream.of(groups).map(StaffGroup::id).toArray(String[]::new)));
        return id;
    }

}
