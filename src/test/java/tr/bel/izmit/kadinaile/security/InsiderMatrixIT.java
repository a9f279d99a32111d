package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tr.bel.izmit.kadinaile.identity.IdentitySetup;
import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData;

/**
 * Issue "Insiders", findings 2, 3 and 8, on a real PostgreSQL: each operation an insider could try on a violence-line
 * case, through {@code /engine-rest} with HTTP Basic as the administrator, a manager, a staff member of another
 * service and (where the operation is not the line's own work) a line operator. Each cell asserts the refusal and
 * that the case is exactly as before afterwards, once every job the call left (batch seed, batch and monitor jobs,
 * history cleanup) has run as the job executor runs it: instance, variables, suspension states, jobs, history rows,
 * the encrypted case row, the line's Tasklist filter, the deployments. The matrix is printed at the end.
 *
 * <p>Issue 23: the same operations on an İZGİM counselling case (health data, KVKK Art. 6, confidential like the line),
 * tried as the administrator, a manager, a violence-line operator (another service), the desk's İZGİM officer, the case's
 * own psychologist, another professional (a dietitian) and the counselling supervisor: nobody, the case's own staff
 * included, may batch, modify, delete, migrate, suspend or redeploy it through the engine; the operation log and the
 * psychologists' Tasklist filter are tried by those who have no business with them. The counselling case has no
 * decision, so the two decision rows are the line's only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class InsiderMatrixIT {

    static final String ADMIN = "admin";
    static final String MANAGER = "hatice.sahin";
    static final String OTHER_SERVICE = "ayse.yilmaz";
    static final String LINE_OPERATOR = "merve.koc";
    static final List<String> INSIDERS = List.of(ADMIN, MANAGER, OTHER_SERVICE);
    static final List<String> EVERYONE = List.of(ADMIN, MANAGER, OTHER_SERVICE, LINE_OPERATOR);
    static final String KEY = ViolenceLineProcess.KEY;
    // İZGİM counselling (demo users)
    static final String DESK_OFFICER = "ayse.yilmaz";
    static final String CASE_PSYCHOLOGIST = "zeynep.aksoy";
    static final String OTHER_PROFESSIONAL = "selin.ates";
    static final String SUPERVISOR = "nermin.oz";
    static final String COUNSELLING_CANARY = "Kanarya İçeriden-2311";

    /** The confidential process a row is tried on, with who is tried and what its case's own data are. */
    enum Line {
        VIOLENCE(KEY, EVERYONE, INSIDERS, "riskLevel", "LOW", ViolenceLineProcess.Messages.REFERRAL_ANSWERED,
            ViolenceLineIdentityContribution.URGENT_FILTER, "vl_case", ViolenceLineTestData.CANARY_NAME),
        COUNSELLING("izgim-counselling",
            List.of(ADMIN, MANAGER, LINE_OPERATOR, DESK_OFFICER, CASE_PSYCHOLOGIST, OTHER_PROFESSIONAL, SUPERVISOR),
            List.of(ADMIN, MANAGER, LINE_OPERATOR, DESK_OFFICER, OTHER_PROFESSIONAL),
            "professionalId", OTHER_PROFESSIONAL, "SeriesFinished", IdentitySetup.GROUP_FILTER_PREFIX + "Psikologlar", "iz_case",
            COUNSELLING_CANARY);

        final String key;
        final List<String> everyone;
        final List<String> insiders;
        final String variable;
        final String variableValue;
        final String message;
        final String filterName;
        final String caseTable;
        final String canary;

        Line(String key, List<String> everyone, List<String> insiders, String variable, String variableValue, String message,
                String filterName, String caseTable, String canary) {
            this.key = key;
            this.everyone = everyone;
            this.insiders = insiders;
            this.variable = variable;
            this.variableValue = variableValue;
            this.message = message;
            this.filterName = filterName;
            this.caseTable = caseTable;
            this.canary = canary;
        }
    }

    /** Who a row is tried with: everyone of its line, or those with no business with its log and filter. */
    enum Audience {
        EVERYONE, INSIDERS
    }

    private static final Map<String, Map<String, String>> MATRIX = new TreeMap<>();
    /** The case the next cell of a line works on: one case for all cells as long as none changes it. */
    private static final Map<Line, Case> REUSABLE = new java.util.EnumMap<>(Line.class);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    /** The ids of the case a cell works on (no decision for a counselling case). */
    record Case(Line line, String instanceId, String definitionId, Long caseId, String jobId, String jobDefinitionId,
            String activityId, String decisionInstanceId, String filterId, String deploymentId, String businessKey) {
    }

    /** One operation of the matrix: its REST call as a user, and the roles it is tried with. */
    record Operation(String name, Audience audience, boolean decision, BiFunction<InsiderMatrixIT, Call, ResponseEntity<String>> call) {

        Operation(String name, Audience audience, BiFunction<InsiderMatrixIT, Call, ResponseEntity<String>> call) {
            this(name, audience, false, call);
        }

        List<String> users(Line line) {
            return audience == Audience.EVERYONE ? line.everyone : line.insiders;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A call's context: who, on which case. */
    record Call(String user, Case target) {

        String key() {
            return target.line().key;
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Line line : Line.values()) {
            for (Operation operation : operations()) {
                if (operation.decision() && line != Line.VIOLENCE) {
                    continue;
                }
                for (String user : operation.users(line)) {
                    cells.add(Arguments.of(line, operation, user));
                }
            }
        }
        return cells.stream();
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        // finding 3: batches
        operations.add(new Operation("batch delete (process-instance/delete)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-instance/delete", "{\"processInstanceIds\":[\"%s\"],\"deleteReason\":\"x\",\"skipCustomListeners\":true}"
                .formatted(c.target().instanceId()))));
        operations.add(new Operation("batch variables-async (riskLevel=LOW, professionalId)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-instance/variables-async", "{\"processInstanceIds\":[\"%s\"],\"variables\":{\"%s\":{\"value\":\"%s\",\"type\":\"String\"}}}"
                .formatted(c.target().instanceId(), c.target().line().variable, c.target().line().variableValue))));
        operations.add(new Operation("batch suspended-async", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-instance/suspended-async", "{\"processInstanceIds\":[\"%s\"],\"suspended\":true}".formatted(c.target().instanceId()))));
        operations.add(new Operation("batch modification-async (cancel)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/modification/executeAsync", "{\"processDefinitionId\":\"%s\",\"processInstanceIds\":[\"%s\"],\"skipCustomListeners\":true,"
                .formatted(c.target().definitionId(), c.target().instanceId())
                + "\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"%s\"}]}".formatted(c.target().activityId()))));
        operations.add(new Operation("batch restart-async", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-definition/" + c.target().definitionId() + "/restart-async",
            "{\"processInstanceIds\":[\"%s\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"%s\"}]}"
                .formatted(c.target().instanceId(), c.target().activityId()))));
        operations.add(new Operation("batch migration executeAsync", Audience.EVERYONE, (it, c) -> it.post(c,
            "/migration/executeAsync", it.migration(c.target()))));
        operations.add(new Operation("batch message correlation (message-async)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-instance/message-async", "{\"messageName\":\"%s\",\"processInstanceIds\":[\"%s\"]}"
                .formatted(c.target().line().message, c.target().instanceId()))));
        operations.add(new Operation("batch job retries (job/retries)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/job/retries", "{\"jobIds\":[\"%s\"],\"retries\":0}".formatted(c.target().jobId()))));
        operations.add(new Operation("batch historic delete (history/process-instance/delete)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/history/process-instance/delete", "{\"historicProcessInstanceIds\":[\"%s\"],\"deleteReason\":\"x\"}"
                .formatted(c.target().instanceId()))));
        operations.add(new Operation("batch historic decision delete", Audience.EVERYONE, true, (it, c) -> it.post(c,
            "/history/decision-instance/delete", "{\"historicDecisionInstanceIds\":[\"%s\"],\"deleteReason\":\"x\"}"
                .formatted(c.target().decisionInstanceId()))));
        operations.add(new Operation("set-removal-time + history cleanup immediatelyDue", Audience.EVERYONE, (it, c) -> {
            ResponseEntity<String> removal = it.post(c, "/history/process-instance/set-removal-time",
                "{\"absoluteRemovalTime\":\"2000-01-01T00:00:00.000+0000\",\"hierarchical\":true,\"historicProcessInstanceIds\":[\"%s\"]}"
                    .formatted(c.target().instanceId()));
            it.runJobs();
            it.post(c, "/history/cleanup?immediatelyDue=true", "");
            return removal;
        }));
        operations.add(new Operation("decision set-removal-time", Audience.EVERYONE, true, (it, c) -> it.post(c,
            "/history/decision-instance/set-removal-time",
            "{\"absoluteRemovalTime\":\"2000-01-01T00:00:00.000+0000\",\"historicDecisionInstanceIds\":[\"%s\"]}"
                .formatted(c.target().decisionInstanceId()))));
        // synchronous counterparts
        operations.add(new Operation("sync modification (cancel)", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-instance/" + c.target().instanceId() + "/modification",
            "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"%s\"}]}".formatted(c.target().activityId()))));
        operations.add(new Operation("sync restart", Audience.EVERYONE, (it, c) -> it.post(c,
            "/process-definition/" + c.target().definitionId() + "/restart",
            "{\"processInstanceIds\":[\"%s\"],\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"%s\"}]}"
                .formatted(c.target().instanceId(), c.target().activityId()))));
        operations.add(new Operation("sync migration", Audience.EVERYONE, (it, c) -> it.post(c, "/migration/execute", it.migration(c.target()))));
        operations.add(new Operation("sync variable (riskLevel=LOW, professionalId)", Audience.EVERYONE, (it, c) -> it.exchange(c,
            HttpMethod.PUT, "/process-instance/" + c.target().instanceId() + "/variables/" + c.target().line().variable,
            "{\"value\":\"%s\",\"type\":\"String\"}".formatted(c.target().line().variableValue))));
        operations.add(new Operation("sync delete instance", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.DELETE,
            "/process-instance/" + c.target().instanceId() + "?skipCustomListeners=true", null)));
        operations.add(new Operation("sync delete history", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.DELETE,
            "/history/process-instance/" + c.target().instanceId(), null)));
        operations.add(new Operation("instances suspended by key", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/process-instance/suspended", "{\"processDefinitionKey\":\"%s\",\"suspended\":true}".formatted(c.key()))));
        operations.add(new Operation("definition suspended by key", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/process-definition/key/" + c.key() + "/suspended", "{\"suspended\":true,\"includeProcessInstances\":true}")));
        operations.add(new Operation("history time to live of the definition", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/process-definition/" + c.target().definitionId() + "/history-time-to-live", "{\"historyTimeToLive\":0}")));
        operations.add(new Operation("job suspended by id", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/job/" + c.target().jobId() + "/suspended", "{\"suspended\":true}")));
        operations.add(new Operation("jobs suspended by definition key", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/job/suspended", "{\"processDefinitionKey\":\"%s\",\"suspended\":true}".formatted(c.key()))));
        operations.add(new Operation("job-definition suspended by id", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/job-definition/" + c.target().jobDefinitionId() + "/suspended", "{\"suspended\":true,\"includeJobs\":true}")));
        operations.add(new Operation("job-definitions suspended by key", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/job-definition/suspended", "{\"processDefinitionKey\":\"%s\",\"suspended\":true,\"includeJobs\":true}".formatted(c.key()))));
        operations.add(new Operation("job retries by id", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/job/" + c.target().jobId() + "/retries", "{\"retries\":0}")));
        operations.add(new Operation("job executed now", Audience.EVERYONE, (it, c) -> it.post(c, "/job/" + c.target().jobId() + "/execute", "")));
        // finding 8: the line's operation log and Tasklist filters
        operations.add(new Operation("operation log of the line (read)", Audience.INSIDERS, (it, c) -> it.readOperationLog(c)));
        operations.add(new Operation("line's Tasklist filter read", Audience.INSIDERS, (it, c) -> it.exchange(c, HttpMethod.GET,
            "/filter/" + c.target().filterId(), null)));
        operations.add(new Operation("line's Tasklist filter executed", Audience.INSIDERS, (it, c) -> it.exchange(c, HttpMethod.GET,
            "/filter/" + c.target().filterId() + "/list", null)));
        operations.add(new Operation("line's Tasklist filter updated", Audience.INSIDERS, (it, c) -> it.exchange(c, HttpMethod.PUT,
            "/filter/" + c.target().filterId(), "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}")));
        operations.add(new Operation("line's Tasklist filter deleted", Audience.INSIDERS, (it, c) -> it.exchange(c, HttpMethod.DELETE,
            "/filter/" + c.target().filterId(), null)));
        // finding 2 and model changes: last, because before the fix they take the whole engine's models with them
        operations.add(new Operation("deploy: service task reading the case store", Audience.EVERYONE, (it, c) -> it.deploy(c,
            "<serviceTask id=\"t\" camunda:expression=\"" + (c.target().line() == Line.VIOLENCE
                ? "${violenceCases.read(" + c.target().caseId() + ", 'admin', '127.0.0.1')}"
                : "${counsellingCases.addresseeOf('" + c.target().businessKey() + "')}") + "\" "
                + "camunda:resultVariable=\"stolen\"/>")));
        operations.add(new Operation("deploy: JUEL script task", Audience.EVERYONE, (it, c) -> it.deploy(c,
            "<scriptTask id=\"t\" scriptFormat=\"juel\"><script>${1 + 1}</script></scriptTask>")));
        operations.add(new Operation("redeploy the models", Audience.EVERYONE, (it, c) -> it.post(c,
            "/deployment/" + c.target().deploymentId() + "/redeploy", "{}")));
        operations.add(new Operation("delete the line's definition (cascade)", Audience.EVERYONE, (it, c) -> it.exchange(c,
            HttpMethod.DELETE, "/process-definition/" + c.target().definitionId() + "?cascade=true&skipCustomListeners=true", null)));
        operations.add(new Operation("delete definitions by key (cascade)", Audience.EVERYONE, (it, c) -> it.exchange(c,
            HttpMethod.DELETE, "/process-definition/key/" + c.key() + "/delete?cascade=true&skipCustomListeners=true", null)));
        operations.add(new Operation("delete the deployment (cascade)", Audience.EVERYONE, (it, c) -> it.exchange(c, HttpMethod.DELETE,
            "/deployment/" + c.target().deploymentId() + "?cascade=true&skipCustomListeners=true", null)));
        return operations;
    }

    @AfterEach
    void removeLeftovers() {
        identityService.clearAuthentication();
        for (Batch batch : managementService.createBatchQuery().list()) {
            managementService.deleteBatch(batch.getId(), true);
        }
        repositoryService.createDeploymentQuery().list().stream()
            .filter(deployment -> !"kadin-aile".equals(deployment.getName()))
            .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true, true));
    }

    @ParameterizedTest(name = "{0}: {1} as {2}")
    @MethodSource("cells")
    void shouldRefuseTheInsiderAndLeaveTheCaseUnchanged(Line line, Operation operation, String user) {
        Case target = REUSABLE.get(line);
        if (target == null) {
            target = line == Line.VIOLENCE ? startCase() : startCounsellingCase();
        }
        // a cell that changed the case (before the fix) leaves it to no other cell
        REUSABLE.remove(line);
        Map<String, Object> before = snapshot(target);

        ResponseEntity<String> response = operation.call().apply(this, new Call(user, target));
        runJobs();
        Map<String, Object> after = snapshot(target);

        int status = response.getStatusCode().value();
        boolean refused = refused(operation, response);
        boolean unchanged = before.equals(after);
        MATRIX.computeIfAbsent(row(line, operation.name()), name -> new LinkedHashMap<>())
            .put(user, status + (refused ? "" : " ALLOWED") + (unchanged ? "" : " CHANGED"));
        if (unchanged) {
            REUSABLE.put(line, target);
        }
        assertThat(refused).as(line + ": " + operation + " as " + user + ": " + status + " " + response.getBody()).isTrue();
        assertThat(after).as(line + ": " + operation + " as " + user + ": the case afterwards").isEqualTo(before);
        if (response.getBody() != null) {
            assertThat(response.getBody()).doesNotContain(line.canary);
        }
    }

    /** A row of the printed matrix: the line's rows come first, the counselling rows after them. */
    private static String row(Line line, String operation) {
        return line == Line.VIOLENCE ? operation : "~ counselling: " + operation;
    }

    /** Finding 8: only İZGİM officers start microcredit applications, not the administrators. */
    @Test
    void shouldNotLetTheAdministratorStartAMicrocreditApplication() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("microcredit-application").count();

        ResponseEntity<String> byAdmin = exchange(new Call(ADMIN, null), HttpMethod.POST,
            "/process-definition/key/microcredit-application/start", "{\"variables\":{}}");
        ResponseEntity<String> byManager = exchange(new Call(MANAGER, null), HttpMethod.POST,
            "/process-definition/key/microcredit-application/start", "{\"variables\":{}}");
        ResponseEntity<String> byOfficer = exchange(new Call(OTHER_SERVICE, null), HttpMethod.GET,
            "/process-definition/key/microcredit-application/form-variables", null);

        MATRIX.computeIfAbsent("start a microcredit application", name -> new LinkedHashMap<>())
            .put(ADMIN, String.valueOf(byAdmin.getStatusCode().value()));
        MATRIX.get("start a microcredit application").put(MANAGER, String.valueOf(byManager.getStatusCode().value()));
        assertThat(byAdmin.getStatusCode().value()).as(byAdmin.getBody()).isEqualTo(403);
        assertThat(byManager.getStatusCode().value()).as(byManager.getBody()).isEqualTo(403);
        assertThat(byOfficer.getStatusCode().value()).as("the İZGİM officer still reaches the start form").isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("microcredit-application").count())
            .isEqualTo(before);
    }

    @AfterAll
    static void printMatrix() {
        StringBuilder out = new StringBuilder("\nInsider matrix (HTTP status; ALLOWED = not refused, CHANGED = the case changed)\n");
        for (Line line : Line.values()) {
            out.append(String.format("%-70s", line == Line.VIOLENCE ? "violence line: operation" : "İZGİM counselling: operation"));
            for (String user : line.everyone) {
                out.append(String.format("| %-14s", user));
            }
            out.append('\n');
            MATRIX.forEach((operation, row) -> {
                if (operation.startsWith("~ counselling: ") == (line == Line.COUNSELLING)) {
                    out.append(String.format("%-70s", operation.replace("~ counselling: ", "")));
                    for (String user : line.everyone) {
                        out.append(String.format("| %-14s", row.getOrDefault(user, "-")));
                    }
                    out.append('\n');
                }
            });
        }
        System.out.println(out);
    }

    // ------------------------------------------------------------------------------------------- the case

    private Case startCase() {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put("immediateDanger", true);
        intake.put("weaponOrThreatToKill", true);
        identityService.setAuthentication(LINE_OPERATOR, List.of("violence-line-operators"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(KEY, intake);
        } finally {
            identityService.clearAuthentication();
        }
        Long caseId = (Long) runtimeService.getVariable(instance.getId(), ViolenceLineProcess.Vars.CASE_ID);
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).list().get(0);
        String activityId = runtimeService.getActiveActivityIds(instance.getId()).get(0);
        HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
            .processInstanceId(instance.getId()).list().get(0);
        Filter filter = identityFilter();
        String deploymentId = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
        return new Case(Line.VIOLENCE, instance.getId(), instance.getProcessDefinitionId(), caseId, job.getId(), job.getJobDefinitionId(),
            activityId, decision.getId(), filter.getId(), deploymentId, instance.getBusinessKey());
    }

    private Filter identityFilter() {
        return filterService.createTaskFilterQuery().filterName(ViolenceLineIdentityContribution.URGENT_FILTER).singleResult();
    }

    /**
     * A counselling request recorded at the desk by the İZGİM officer and assigned at intake to the psychologist: the
     * case waits on its asynchronous notice (a job) before her "Seans serisini planla" task.
     */
    private Case startCounsellingCase() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service", "ADULT_PSYCHOLOGY");
        request.put("fullName", COUNSELLING_CANARY);
        request.put("phone", "05327770099");
        request.put("reason", COUNSELLING_CANARY + " uykusuzluk");
        request.put("preferredTimes", List.of("WEEKDAY_MORNING"));
        request.put("kvkkConsent", true);
        identityService.setAuthentication(DESK_OFFICER, List.of("izgim-officers"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(Line.COUNSELLING.key, request);
            String intake = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Intake")
                .singleResult().getId();
            taskService.complete(intake, Map.of("intakeDecision", "ASSIGN", "professionalId", CASE_PSYCHOLOGIST));
        } finally {
            identityService.clearAuthentication();
        }
        Long caseId = ((Number) runtimeService.getVariable(instance.getId(), "caseId")).longValue();
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).list().get(0);
        String activityId = runtimeService.getActiveActivityIds(instance.getId()).get(0);
        Filter filter = filterService.createTaskFilterQuery().filterName(Line.COUNSELLING.filterName).singleResult();
        String deploymentId = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
        return new Case(Line.COUNSELLING, instance.getId(), instance.getProcessDefinitionId(), caseId, job.getId(),
            job.getJobDefinitionId(), activityId, null, filter.getId(), deploymentId, instance.getBusinessKey());
    }

    /** Everything an insider could change about the case, read straight from the tables. */
    private Map<String, Object> snapshot(Case target) {
        Map<String, Object> state = new LinkedHashMap<>();
        String id = target.instanceId();
        state.put("executions", jdbc.queryForList(
            "select id_, act_id_, is_active_, suspension_state_ from act_ru_execution where proc_inst_id_ = ? order by id_", id).toString());
        state.put("variables", jdbc.queryForList(
            "select name_, text_, long_, double_ from act_ru_variable where proc_inst_id_ = ? order by name_, id_", id).toString());
        state.put("tasks", jdbc.queryForList(
            "select id_, suspension_state_, assignee_ from act_ru_task where proc_inst_id_ = ? order by id_", id).toString());
        state.put("jobs", jdbc.queryForList(
            "select id_, suspension_state_, retries_, duedate_ from act_ru_job where process_instance_id_ = ? order by id_", id).toString());
        state.put("job definitions", jdbc.queryForList(
            "select id_, suspension_state_ from act_ru_jobdef where proc_def_key_ = ? order by id_", target.line().key).toString());
        state.put("definitions", jdbc.queryForList(
            "select id_, suspension_state_, history_ttl_ from act_re_procdef where key_ = ? order by id_", target.line().key).toString());
        state.put("deployments", jdbc.queryForList("select id_, name_ from act_re_deployment order by id_").toString());
        state.put("history", jdbc.queryForList(
            "select id_, state_, end_time_, removal_time_ from act_hi_procinst where proc_inst_id_ = ?", id).toString());
        state.put("history counts", List.of(
            jdbc.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ?", Long.class, id),
            jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ?", Long.class, id),
            jdbc.queryForObject("select count(*) from act_hi_taskinst where proc_inst_id_ = ?", Long.class, id),
            jdbc.queryForObject("select count(*) from act_hi_op_log where proc_inst_id_ = ?", Long.class, id)));
        if (target.decisionInstanceId() != null) {
            state.put("decision", jdbc.queryForList(
                "select id_, removal_time_ from act_hi_decinst where id_ = ?", target.decisionInstanceId()).toString());
        }
        // the table name is the line's own constant, never input
        state.put("encrypted case", jdbc.queryForList("select * from " + target.line().caseTable + " where id = ?", target.caseId())
            .toString());
        state.put("line filter", jdbc.queryForList(
            "select name_, query_, properties_ from act_ru_filter where id_ = ?", target.filterId()).toString());
        return state;
    }

    /**
     * Runs what the job executor would run after the call: every job of every batch (seed, execution, monitor) until
     * the batches are done, and the history cleanup jobs that are due.
     */
    void runJobs() {
        for (int round = 0; round < 10; round++) {
            Set<String> definitions = new HashSet<>();
            for (Batch batch : managementService.createBatchQuery().list()) {
                definitions.add(batch.getSeedJobDefinitionId());
                definitions.add(batch.getBatchJobDefinitionId());
                definitions.add(batch.getMonitorJobDefinitionId());
            }
            List<Job> jobs = new ArrayList<>(managementService.createJobQuery().executable().list().stream()
                .filter(job -> definitions.contains(job.getJobDefinitionId())).toList());
            if (round < 2) {
                historyService.findHistoryCleanupJobs().stream()
                    .filter(job -> job.getDuedate() == null || !job.getDuedate().after(new java.util.Date()))
                    .forEach(jobs::add);
            }
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // a failing batch job is retried by the job executor; the next round runs it again
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- REST

    private static boolean refused(Operation operation, ResponseEntity<String> response) {
        int status = response.getStatusCode().value();
        if (operation.name().startsWith("operation log") || operation.name().endsWith("filter executed")) {
            return !response.getStatusCode().is2xxSuccessful() || status == 200 && "[]".equals(response.getBody());
        }
        return !response.getStatusCode().is2xxSuccessful();
    }

    private ResponseEntity<String> readOperationLog(Call call) {
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(call.target().instanceId()).count())
            .as("the line's operation log of the case").isPositive();
        return exchange(call, HttpMethod.GET, "/history/user-operation?firstResult=0&maxResults=100&processInstanceId="
            + call.target().instanceId(), null);
    }

    private String migration(Case target) {
        return ("{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"%1$s\",\"targetProcessDefinitionId\":\"%1$s\","
            + "\"instructions\":[{\"sourceActivityIds\":[\"%2$s\"],\"targetActivityIds\":[\"%2$s\"]}]},"
            + "\"processInstanceIds\":[\"%3$s\"],\"skipCustomListeners\":true}")
            .formatted(target.definitionId(), target.activityId(), target.instanceId());
    }

    private ResponseEntity<String> post(Call call, String path, String json) {
        return exchange(call, HttpMethod.POST, path, json);
    }

    private ResponseEntity<String> exchange(Call call, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return as(call.user()).exchange("/engine-rest" + path, method, new HttpEntity<>(json, headers), String.class);
    }

    private ResponseEntity<String> deploy(Call call, String body) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "insider-upload");
        parts.add("data", new ByteArrayResource(ModelSafetyEngineTests.model(body).getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "insider.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(call.user()).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, ADMIN.equals(user) ? adminPassword : "demo");
    }
}
