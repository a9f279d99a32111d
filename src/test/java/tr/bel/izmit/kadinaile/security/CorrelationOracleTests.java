package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SOCIAL_WORKERS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.security.EngineDoors.Door;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
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

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private final List<String> users = new ArrayList<>();
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

    // ---------------------------------------------------------------- helpers

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
