package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Elements;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.security.EngineDoors.Door;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * Who reads a counselling session note and a child's record, through every door, as every group: the author and the
 * counselling supervisor read a note; a child's record only the child psychologist and the supervisor; other
 * professionals (of the same service too), the İZGİM officers, the managers, the violence line's staff and the
 * administrators read neither — not through our staff API, not through {@code /engine-rest} or the web apps' API
 * (instances, variables, tasks, history), not by a batch or a message correlation. Every read and refusal of the staff
 * API is audited. Prints the matrix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounsellingNotesMatrixTests {

    private static final String ADMIN_PASSWORD = "test-only-Admin-Password-1";
    private static final String ADULT_NOTE = "Kanarya-yetiskin-seans-notu-7311";
    private static final String CHILD_NOTE = "Kanarya-cocuk-seans-notu-7311";
    private static final String CHILD_REASON = "Kanarya-cocuk-kaydi-7311";
    private static final String ADULT_REASON = "Kanarya-yetiskin-kaydi-7311";
    private static final String OTHER_PSYCHOLOGIST = "test.psikolog2";

    /** Every group, one user each (the demo users; a second psychologist created here). */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("zeynep.aksoy", "psychologists (author of the adult note)");
        USERS.put(OTHER_PSYCHOLOGIST, "psychologists (another)");
        USERS.put("derya.kurt", "child-psychologists (author of the child note)");
        USERS.put("selin.ates", "dietitians");
        USERS.put("nermin.oz", "counselling-supervisors");
        USERS.put("ayse.yilmaz", "izgim-officers");
        USERS.put("hatice.sahin", "managers");
        USERS.put("merve.koc", "violence-line-operators");
        USERS.put("selin.aydin", "violence-line-social-workers");
        USERS.put("derya.ozturk", "violence-line-supervisors");
        USERS.put("admin", "camunda-admin");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcTemplate jdbc;

    ProcessInstance adult;
    ProcessInstance child;
    final List<String> matrix = new ArrayList<>();

    @BeforeAll
    void openCasesWithNotes() {
        TestUsers.create(identityService, OTHER_PSYCHOLOGIST, "demo", "psychologists");
        adult = assigned("ADULT_PSYCHOLOGY", ADULT_REASON, "zeynep.aksoy");
        child = assigned("CHILD_PSYCHOLOGY", CHILD_REASON, "derya.kurt");
        assertThat(post("zeynep.aksoy", adult, ADULT_NOTE).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("derya.kurt", child, CHILD_NOTE).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @AfterAll
    void cleanUp() {
        matrix.forEach(System.out::println);
        for (ProcessInstance instance : List.of(adult, child)) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
                runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true);
            }
        }
        TestUsers.remove(identityService, authorizationService, OTHER_PSYCHOLOGIST);
    }

    // ------------------------------------------------------------------------------------------- our staff API

    @Test
    void shouldShowASessionNoteOnlyToItsAuthorAndTheSupervisorThroughTheStaffApi() {
        Map<String, Set<String>> readers = Map.of(
            ADULT_NOTE, Set.of("zeynep.aksoy", "nermin.oz"),
            CHILD_NOTE, Set.of("derya.kurt", "nermin.oz"));
        for (String user : USERS.keySet()) {
            for (Map.Entry<String, Set<String>> note : readers.entrySet()) {
                ProcessInstance instance = note.getKey().equals(ADULT_NOTE) ? adult : child;
                long auditsBefore = audits(user);
                ResponseEntity<String> response = as(user).getForEntity(notesUrl(instance), String.class);
                boolean reads = response.getStatusCode() == HttpStatus.OK && response.getBody().contains(note.getKey());
                matrix.add(row("staff API notes", user, note.getKey(), reads, response.getStatusCode().value()));
                assertThat(reads).as(user + " reads " + note.getKey()).isEqualTo(note.getValue().contains(user));
                assertThat(response.getStatusCode()).as(user).isIn(HttpStatus.OK, HttpStatus.FORBIDDEN);
                if (response.getStatusCode() == HttpStatus.OK) {
                    assertThat(response.getHeaders().getCacheControl()).contains("no-store");
                }
                assertThat(audits(user)).as("every read and refusal of " + user + " is audited")
                    .isEqualTo(auditsBefore + (isStaffApiUser(user) ? 1 : 0));
            }
        }
    }

    @Test
    void shouldShowAChildsRecordOnlyToChildPsychologistsAndTheSupervisor() {
        for (String user : USERS.keySet()) {
            ResponseEntity<String> childRecord = as(user).getForEntity(recordUrl(child), String.class);
            boolean readsChild = childRecord.getStatusCode() == HttpStatus.OK && childRecord.getBody().contains(CHILD_REASON);
            matrix.add(row("staff API record", user, "child's record", readsChild, childRecord.getStatusCode().value()));
            assertThat(readsChild).as(user + " reads the child's record")
                .isEqualTo(Set.of("derya.kurt", "nermin.oz").contains(user));
            if (!readsChild) {
                assertThat(childRecord.getBody()).as(user).doesNotContain(CHILD_REASON).doesNotContain("\"childAge\"");
            }

            ResponseEntity<String> adultRecord = as(user).getForEntity(recordUrl(adult), String.class);
            boolean readsAdult = adultRecord.getStatusCode() == HttpStatus.OK && adultRecord.getBody().contains(ADULT_REASON);
            matrix.add(row("staff API record", user, "adult's record", readsAdult, adultRecord.getStatusCode().value()));
            assertThat(readsAdult).as(user + " reads the adult's record")
                .isEqualTo(Set.of("zeynep.aksoy", "nermin.oz", "ayse.yilmaz").contains(user));
        }
    }

    @Test
    void shouldLetOnlyTheCasesOwnProfessionalWriteANoteAndRefuseAnUnknownCodeAlike() {
        for (String user : USERS.keySet()) {
            ResponseEntity<String> written = post(user, adult, "yeni not " + user);
            matrix.add(row("staff API write note", user, "adult case", written.getStatusCode() == HttpStatus.CREATED,
                written.getStatusCode().value()));
            assertThat(written.getStatusCode()).as(user)
                .isEqualTo(user.equals("zeynep.aksoy") ? HttpStatus.CREATED : HttpStatus.FORBIDDEN);
        }
        ResponseEntity<String> unknown = as("zeynep.aksoy").getForEntity("/api/staff/izgim/cases/DN-0000-0000/notes", String.class);
        ResponseEntity<String> foreign = as("zeynep.aksoy").getForEntity(notesUrl(child), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unknown.getBody()).as("no yes/no oracle").isEqualTo(foreign.getBody());
    }

    // ------------------------------------------------------------------------------------------- the engine's doors

    @Test
    void shouldKeepTheNotesAndTheChildsRecordOutOfEveryEngineDoorAndHideTheCasesFromOutsiders() {
        List<String> paths = List.of(
            "/process-instance?processDefinitionKey=" + CounsellingProcess.KEY,
            "/history/process-instance?processDefinitionKey=" + CounsellingProcess.KEY,
            "/history/variable-instance?processInstanceIdIn=" + adult.getId() + "," + child.getId(),
            "/history/detail?processInstanceId=" + child.getId(),
            "/variable-instance?processInstanceIdIn=" + adult.getId() + "," + child.getId(),
            "/task?processDefinitionKey=" + CounsellingProcess.KEY,
            "/history/task?processDefinitionKey=" + CounsellingProcess.KEY);
        Set<String> outsiders = Set.of("hatice.sahin", "merve.koc", "selin.aydin", "derya.ozturk", "admin");
        for (String user : USERS.keySet()) {
            for (Door door : List.of(EngineDoors.engineRest(http, user, password(user)),
                    EngineDoors.webapp(http, user, password(user)))) {
                for (String path : paths) {
                    ResponseEntity<String> response = door.send(org.springframework.http.HttpMethod.GET, path, null);
                    String body = String.valueOf(response.getBody());
                    for (String canary : List.of(ADULT_NOTE, CHILD_NOTE, CHILD_REASON, ADULT_REASON, "\"childAge\"")) {
                        assertThat(body).as(door + " " + path).doesNotContain(canary);
                    }
                    if (outsiders.contains(user) && path.startsWith("/process-instance")) {
                        assertThat(body).as(door + " sees no counselling case").doesNotContain(adult.getId())
                            .doesNotContain(child.getId());
                    }
                    if (outsiders.contains(user) && path.startsWith("/history/process-instance")) {
                        assertThat(body).as(door + " sees no counselling history").doesNotContain(child.getId());
                    }
                }
                matrix.add(row("engine " + door.name().split(" as ")[0], user, "notes, child's record", false, 0));
            }
        }
    }

    @Test
    void shouldRefuseBatchesAndCorrelationOnTheCasesToEveryone() {
        for (String user : USERS.keySet()) {
            Door rest = EngineDoors.engineRest(http, user, password(user));
            ResponseEntity<String> batch = rest.post("/process-instance/delete",
                "{\"processInstanceIds\":[\"" + child.getId() + "\"],\"deleteReason\":\"x\"}");
            ResponseEntity<String> variables = rest.post("/process-instance/variables-async",
                "{\"processInstanceIds\":[\"" + child.getId() + "\"],\"variables\":{\"x\":{\"value\":1}}}");
            ResponseEntity<String> correlation = rest.post("/message",
                "{\"messageName\":\"" + CounsellingProcess.Messages.TWO_NO_SHOWS + "\",\"businessKey\":\"" + child.getBusinessKey() + "\"}");
            matrix.add(row("engine batch/correlation", user, "child case", false, batch.getStatusCode().value()));
            assertThat(batch.getStatusCode().is2xxSuccessful()).as(user + " deletes by batch").isFalse();
            assertThat(variables.getStatusCode().is2xxSuccessful()).as(user + " sets variables by batch").isFalse();
            assertThat(correlation.getStatusCode().is2xxSuccessful()).as(user + " correlates").isFalse();
        }
        // refused at creation: no batch and no variable of the case was made, and the case has not moved
        assertThat(runtimeService.getVariable(child.getId(), "x")).isNull();
        assertThat(runtimeService.getActiveActivityIds(child.getId())).containsExactly(Elements.PLAN_SERIES);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private ProcessInstance assigned(String service, String reason, String professional) {
        Map<String, Object> request = new HashMap<>();
        request.put(Vars.SERVICE, service);
        request.put(Vars.FULL_NAME, "Nilüfer Matrisoğlu");
        request.put(Vars.PHONE, "05327770022");
        request.put(Vars.REASON, reason);
        request.put(Vars.PREFERRED_TIMES, List.of("ANY"));
        request.put(Vars.KVKK_CONSENT, true);
        if (service.equals("CHILD_PSYCHOLOGY")) {
            request.put(Vars.CHILD_AGE, 7);
            request.put(Vars.GUARDIAN_CONSENT, true);
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CounsellingProcess.KEY, request);
        managementService.createJobQuery().processInstanceId(instance.getId()).list()
            .forEach(job -> managementService.executeJob(job.getId()));
        String intake = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        taskService.complete(intake, Map.of(Vars.INTAKE_DECISION, "ASSIGN", Vars.PROFESSIONAL_ID, professional));
        managementService.createJobQuery().processInstanceId(instance.getId()).list()
            .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(Elements.PLAN_SERIES);
        return instance;
    }

    private ResponseEntity<String> post(String user, ProcessInstance instance, String text) {
        return as(user).postForEntity(notesUrl(instance), Map.of("text", text), String.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, password(user));
    }

    private static String password(String user) {
        return user.equals("admin") ? ADMIN_PASSWORD : "demo";
    }

    private static boolean isStaffApiUser(String user) {
        return Set.of("zeynep.aksoy", OTHER_PSYCHOLOGIST, "derya.kurt", "selin.ates", "nermin.oz").contains(user);
    }

    private long audits(String user) {
        return jdbc.queryForObject("select count(*) from iz_access_audit where user_id = ?", Long.class, user);
    }

    private static String notesUrl(ProcessInstance instance) {
        return "/api/staff/izgim/cases/" + instance.getBusinessKey() + "/notes";
    }

    private static String recordUrl(ProcessInstance instance) {
        return "/api/staff/izgim/cases/" + instance.getBusinessKey();
    }

    private static String row(String door, String user, String what, boolean reads, int status) {
        return String.format("%-28s %-16s %-52s %-22s %s %s", door, user, USERS.get(user), what, reads ? "READS" : "-",
            status == 0 ? "" : status);
    }
}
