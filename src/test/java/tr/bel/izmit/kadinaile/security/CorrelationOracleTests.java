package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SOCIAL_WORKERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.SafetyReferral;
import tr.bel.izmit.kadinaile.identity.StaffDirectory;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.security.EngineDoors.Door;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Messages;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;

/**
 * Finding 6 of "Insiders": message and signal correlation answered differently depending on cases the caller cannot
 * see, so any staff member learnt the violence line's risk factors one yes/no question at a time. Now a person's
 * correlation is refused with one answer whatever matches, through {@code /engine-rest} and the web apps' API, and
 * staff record a referral's answer through our endpoint, which checks them first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CorrelationOracleTests {

    private static final String PASSWORD = "Oracle-Test-Password-7";
    private static final String RECORD_ANSWER = "Task_RecordReferralAnswer";
    /** The line's message start event that only {@code violenceline.SafetyReferralIntake} may trigger. */
    private static final String SAFETY_REFERRAL_START = "StartEvent_SafetyReferralReceived";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    StaffDirectory staffDirectory;

    private final List<String> users = new ArrayList<>();
    private final List<String> referralCases = new ArrayList<>();
    private ProcessInstance violenceCase;
    private int openAnswersBefore;
    private String officer;
    private String socialWorker;

    @BeforeEach
    void setUp() {
        officer = user("or-officer", StaffGroup.IZGIM_OFFICERS);
        socialWorker = user("or-social", VIOLENCE_LINE_SOCIAL_WORKERS);
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put(Vars.CHILDREN_AT_RISK, true);
        intake.put("consentedReferrals", ViolenceLineTestData.checklist("SONIM", "LEGAL_AID"));
        identityService.setAuthentication("or-operator", List.of(VIOLENCE_LINE_OPERATORS.id()));
        try {
            violenceCase = runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake);
        } finally {
            identityService.clearAuthentication();
        }
        for (Task make : taskService.createTaskQuery().processInstanceId(violenceCase.getId()).taskDefinitionKey("Task_MakeReferral").list()) {
            taskService.complete(make.getId(), Map.of("referralMade", true));
        }
        openAnswersBefore = openAnswers().size();
        assertThat(openAnswersBefore).as("the case waits for a referral's answer").isPositive();
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        if (runtimeService.createProcessInstanceQuery().processInstanceId(violenceCase.getId()).count() > 0) {
            runtimeService.deleteProcessInstance(violenceCase.getId(), "test clean-up", true, true);
        }
        for (String referralCase : referralCases) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(referralCase).count() > 0) {
                runtimeService.deleteProcessInstance(referralCase, "test clean-up", true, true);
            }
        }
        users.forEach(identityService::deleteUser);
    }

    @Test
    void shouldAnswerEveryPersonsMessageTheSameWithOrWithoutAMatchingCase() {
        String caseCode = (String) runtimeService.getVariable(violenceCase.getId(), Vars.CASE_CODE);
        String matching = "{\"messageName\":\"ReferralAnswered\",\"all\":true,\"correlationKeys\":{"
            + "\"childrenAtRisk\":{\"value\":true},\"caseCode\":{\"value\":\"" + caseCode + "\"}}}";
        String matchingNothing = "{\"messageName\":\"ReferralAnswered\",\"all\":true,\"correlationKeys\":{"
            + "\"childrenAtRisk\":{\"value\":true},\"caseCode\":{\"value\":\"VL-YOK-0000\"}}}";
        String single = "{\"messageName\":\"ReferralAnswered\",\"processInstanceId\":\"" + violenceCase.getId() + "\"}";
        String singleNothing = "{\"messageName\":\"ReferralAnswered\",\"processInstanceId\":\"no-such-instance\"}";

        for (Door door : doors()) {
            ResponseEntity<String> withMatch = door.post("/message", matching);
            ResponseEntity<String> withoutMatch = door.post("/message", matchingNothing);
            assertSameRefusal(door, withMatch, withoutMatch);
            assertSameRefusal(door, door.post("/message", single), door.post("/message", singleNothing));
        }
        assertThat(openAnswers()).as("no referral was answered").hasSize(openAnswersBefore);
    }

    @Test
    void shouldAnswerEveryPersonsSignalTheSameWithOrWithoutAWaitingCase() {
        for (Door door : doors()) {
            ResponseEntity<String> known = door.post("/signal", "{\"name\":\"ReferralAnswered\"}");
            ResponseEntity<String> unknown = door.post("/signal", "{\"name\":\"NoSuchSignal\"}");
            assertSameRefusal(door, known, unknown);
        }
        openAnswersBefore = openAnswers().size();
        assertThat(openAnswersBefore).as("the case waits for a referral's answer").isPositive();
    }

    @Test
    void shouldLetTheLineRecordAReferralAnswerThroughItsOwnEndpointOnly() {
        Long referralId = ((Number) taskService.getVariable(openAnswers().get(0).getId(), Vars.REFERRAL_ID)).longValue();
        String path = "/api/staff/violence-line/referrals/" + referralId + "/answer";

        ResponseEntity<String> outsider = staffApi(officer, path, "{\"answer\":\"ACCEPTED\"}");
        assertThat(outsider.getStatusCode()).as(outsider.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(openAnswers()).hasSize(openAnswersBefore);

        ResponseEntity<String> answered = staffApi(socialWorker, path, "{\"answer\":\"ACCEPTED\"}");
        assertThat(answered.getStatusCode()).as(answered.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(openAnswers()).hasSize(openAnswersBefore - 1);
        assertThat(openAnswers()).extracting(task -> ((Number) taskService.getVariable(task.getId(), Vars.REFERRAL_ID)).longValue())
            .doesNotContain(referralId);
    }

    /**
     * The warm referral's start message ({@code StartEvent_SafetyReferralReceived}) is opened by the application alone,
     * from the {@link SafetyReferral} event. A person of any group, the administrators and the line's own operators
     * (who may start the line's process) included, neither opens a call-back with it nor learns whether a referral
     * exists: every variant of the message gets the answer an unknown message gets, through {@code /engine-rest} and
     * the web apps' API.
     */
    @Test
    void shouldLetNoPersonOpenOrProbeAWarmReferralThroughTheStartMessage() {
        String existingKey = referred();
        String existingInstance = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY)
            .processInstanceBusinessKey(existingKey).singleResult().getId();
        long referralsBefore = safetyReferralStarts();
        long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count();
        String name = Messages.SAFETY_REFERRAL_RECEIVED;
        String variables = "\"processVariables\":{\"referringService\":{\"value\":\"Sahte servis\"},"
            + "\"safetyReferralUrgent\":{\"value\":true},\"safetyReferralPriority\":{\"value\":100}}";
        List<String> attempts = List.of(
            "{\"messageName\":\"" + name + "\"}",
            "{\"messageName\":\"" + name + "\",\"resultEnabled\":true,\"variablesInResultEnabled\":true}",
            "{\"messageName\":\"" + name + "\",\"all\":true,\"resultEnabled\":true}",
            "{\"messageName\":\"" + name + "\",\"businessKey\":\"" + existingKey + "\",\"resultEnabled\":true}",
            "{\"messageName\":\"" + name + "\",\"businessKey\":\"SY-" + UUID.randomUUID() + "\",\"resultEnabled\":true}",
            "{\"messageName\":\"" + name + "\",\"businessKey\":\"SY-" + UUID.randomUUID() + "\"," + variables + "}",
            "{\"messageName\":\"" + name + "\",\"processInstanceId\":\"" + existingInstance + "\"}");
        String unknown = "{\"messageName\":\"NoSuchStartMessage\",\"businessKey\":\"SY-" + UUID.randomUUID() + "\"}";

        List<String> groups = staffDirectory.groups().stream().map(StaffGroup::id).toList();
        assertThat(groups).as("every staff group, the administrators and the line's operators included")
            .contains(StaffGroup.CAMUNDA_ADMIN.id(), VIOLENCE_LINE_OPERATORS.id(), StaffGroup.MANAGERS.id());
        for (String group : groups) {
            String member = TestUsers.create(identityService, "or-" + group + "-" + Long.toString(System.nanoTime(), 36),
                PASSWORD, group);
            users.add(member);
            for (Door door : List.of(EngineDoors.engineRest(rest, member, PASSWORD), EngineDoors.webapp(rest, member, PASSWORD))) {
                ResponseEntity<String> reference = door.post("/message", unknown);
                assertThat(reference.getStatusCode()).as(door + " (" + group + "): " + reference.getBody())
                    .isEqualTo(HttpStatus.FORBIDDEN);
                for (String attempt : attempts) {
                    ResponseEntity<String> answer = door.post("/message", attempt);
                    assertThat(answer.getStatusCode()).as(door + " (" + group + ") " + attempt + ": " + answer.getBody())
                        .isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(answer.getBody()).as(door + " (" + group + ") " + attempt)
                        .isEqualTo(reference.getBody())
                        .doesNotContain(existingInstance)
                        .doesNotContain(existingKey);
                }
            }
        }
        assertThat(safetyReferralStarts()).as("no person opened a warm referral's call-back").isEqualTo(referralsBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count())
            .as("no person started the line's process").isEqualTo(instancesBefore);
    }

    // ---------------------------------------------------------------- helpers

    /** A warm referral as İZGİM counselling sends it: the application opens the line's call-back. Its business key. */
    private String referred() {
        String referralId = UUID.randomUUID().toString();
        events.publishEvent(new SafetyReferral(referralId, "İZGİM danışmanlık", officer, true));
        String businessKey = "SY-" + referralId;
        ProcessInstance callBack = runtimeService.createProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY)
            .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(callBack).as("the application opens the call-back").isNotNull();
        referralCases.add(callBack.getId());
        return businessKey;
    }

    private long safetyReferralStarts() {
        return historyService.createHistoricActivityInstanceQuery().activityId(SAFETY_REFERRAL_START).count();
    }

    private List<Door> doors() {
        return Stream.of(officer, socialWorker)
            .flatMap(user -> Stream.of(EngineDoors.engineRest(rest, user, PASSWORD), EngineDoors.webapp(rest, user, PASSWORD)))
            .toList();
    }

    private void assertSameRefusal(Door door, ResponseEntity<String> first, ResponseEntity<String> second) {
        assertThat(first.getStatusCode()).as(door + ": " + first.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(second.getStatusCode()).as(door + ": " + second.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(first.getBody()).as(door.toString()).isEqualTo(second.getBody()).doesNotContain(violenceCase.getId());
    }

    private ResponseEntity<String> staffApi(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    private List<Task> openAnswers() {
        return taskService.createTaskQuery().processInstanceId(violenceCase.getId()).taskDefinitionKey(RECORD_ANSWER).list();
    }

    private String user(String prefix, StaffGroup... groups) {
        String id = prefix + "-" + Long.toString(System.nanoTime(), 36);
        users.add(TestUsers.create(identityService, id, PASSWORD, Stream.of(groups).map(StaffGroup::id).toArray(String[]::new)));
        return id;
    }
}
