package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditCaseActions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineReportSection;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution;

/**
 * Drives the real microcredit and violence-line processes for the dashboard's tests, and logs in to the Camunda
 * web apps as a browser does (session cookie and XSRF token).
 */
final class DashboardTestSupport {

    static final String PASSWORD = "dashboard-test";
    static final String MANAGER = "yonetici.test";
    static final String OFFICER = "memur.test";
    static final String COMMITTEE = "komite.test";
    static final String OPERATOR = "operator.test";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    DashboardTestSupport(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
            IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    static void users(IdentityService identityService) {
        user(identityService, MANAGER, StaffGroup.MANAGERS);
        user(identityService, OFFICER, StaffGroup.IZGIM_OFFICERS);
        user(identityService, COMMITTEE, MICROCREDIT_COMMITTEE);
        user(identityService, OPERATOR, VIOLENCE_LINE_OPERATORS);
    }

    private static void user(IdentityService identityService, String id, StaffGroup group) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        TestUsers.create(identityService, id, PASSWORD, group.id());
    }

    static void at(int year, int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, minute)
            .atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }

    /**
     * The known mix of the dashboard's tests, March 2019: seven microcredit applications (one before, one just after the month) and six violence-line calls. */
    void march2019(MicrocreditCaseActions caseActions) {
        DashboardTestSupport flows = this;

        // started in February, rejected by the manager in March after 11 days
        at(2019, 2, 25, 10, 0);
        ProcessInstance rejectedByManager = flows.startMicrocredit(3500);
        flows.documentsAndBusinessPlan(rejectedByManager);
        flows.committee(rejectedByManager, "APPROVE", 3500);

        at(2019, 3, 4, 10, 0);
        ProcessInstance disbursed = flows.startMicrocredit(2000);
        flows.documentsAndBusinessPlan(disbursed);
        flows.committee(disbursed, "APPROVE", 2000);
        ProcessInstance rejectedByCommittee = flows.startMicrocredit(2500);
        flows.documentsAndBusinessPlan(rejectedByCommittee);

        at(2019, 3, 5, 10, 0);
        flows.disburse(disbursed);

        at(2019, 3, 6, 10, 0);
        flows.committeeRejects(rejectedByCommittee);

        at(2019, 3, 8, 10, 0);
        flows.managerRejects(rejectedByManager);

        at(2019, 3, 11, 10, 0);
        ProcessInstance withdrawn = flows.startMicrocredit(1500);
        flows.startMicrocreditFrom("GEBZE", 2000);

        at(2019, 3, 12, 10, 0);
        assertThat(caseActions.withdrawByApplicant(withdrawn.getBusinessKey())).isTrue();

        at(2019, 3, 18, 10, 0);
        ProcessInstance inReview = flows.startMicrocredit(2000);
        runtimeService.createIncident("dashboardTest", inReview.getId(), "a test incident");

        // violence line: five MEDIUM calls whose referral SLA runs out, one CRITICAL call answered late
        at(2019, 3, 20, 10, 0);
        for (int i = 0; i < 5; i++) {
            ProcessInstance call = flows.startCall("PHYSICAL", false, "SONIM");
            flows.executeTimer(call, ViolenceLineReportSection.REFERRAL_SLA_BREACHED);
        }
        ProcessInstance critical = flows.startCall("PSYCHOLOGICAL", true, "SHELTER");
        flows.executeTimer(critical, ViolenceLineReportSection.EMERGENCY_OVERDUE);

        // Istanbul midnight is 21:00 UTC: 00:30 on 1 April is after the period
        at(2019, 4, 1, 0, 30);
        flows.startMicrocredit(2000);
    }

    // ---------------------------------------------------------------- microcredit

    ProcessInstance startMicrocredit(long amount) {
        return startMicrocreditFrom("IZMIT", amount);
    }

    ProcessInstance startMicrocreditFrom(String district, long amount) {
        Map<String, Object> form = ReportTestData.microcreditStartForm(amount);
        form.put("district", district);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, form);
        ProcessInstance found = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
        return found == null ? instance : found;
    }

    void documentsAndBusinessPlan(ProcessInstance instance) {
        taskService.complete(taskId(instance), Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        taskService.complete(taskId(instance), Map.of(Vars.BUSINESS_PLAN_SCORE, 4L,
            Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan."));
    }

    void committee(ProcessInstance instance, String decision, long amount) {
        as(COMMITTEE, MICROCREDIT_COMMITTEE, () -> taskService.complete(taskId(instance),
            Map.of(Vars.COMMITTEE_DECISION, decision, Vars.APPROVED_AMOUNT, amount)));
    }

    void committeeRejects(ProcessInstance instance) {
        as(COMMITTEE, MICROCREDIT_COMMITTEE, () -> taskService.complete(taskId(instance),
            Map.of(Vars.COMMITTEE_DECISION, "REJECT", Vars.COMMITTEE_REJECTION_REASON, "İş planı gerçekçi değil.")));
    }

    void managerRejects(ProcessInstance instance) {
        as(MANAGER, StaffGroup.MANAGERS, () -> taskService.complete(taskId(instance),
            Map.of(Vars.MANAGER_DECISION, "REJECT", Vars.MANAGER_REJECTION_REASON, "Bütçe bu yıl için yetersiz.")));
    }

    void disburse(ProcessInstance instance) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(MicrocreditProcess.Elements.DISBURSE_LOAN).singleResult().getId());
    }

    private String taskId(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    // ---------------------------------------------------------------- violence line

    /** A call recorded by the operator; {@code immediateDanger} makes it CRITICAL, PHYSICAL violence MEDIUM. */
    ProcessInstance startCall(String violenceType, boolean immediateDanger, String... referrals) {
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("callerAnonymous", false);
        intake.put("victimName", "Pano Test Arayan");
        intake.put("safePhone", "05419990471");
        intake.put("safeCallTimes", "Hafta içi 10:00-12:00");
        intake.put("doNotCall", false);
        intake.put("district", "IZMIT");
        intake.put("neighbourhood", "Test Mahallesi");
        intake.put("violenceTypes", checklist(violenceType));
        intake.put("immediateDanger", immediateDanger);
        intake.put("weaponOrThreatToKill", false);
        intake.put("childrenAtRisk", false);
        intake.put("pregnant", false);
        intake.put("earlierIncidents", false);
        intake.put("protectionOrder", false);
        intake.put("perpetratorRelation", "SPOUSE");
        intake.put("consentedReferrals", checklist(referrals));
        intake.put("incidentNotes", "Test çağrısı.");
        ProcessInstance[] started = new ProcessInstance[1];
        as(OPERATOR, VIOLENCE_LINE_OPERATORS,
            () -> started[0] = runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake));
        return started[0];
    }

    void executeTimer(ProcessInstance instance, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
        assertThat(jobs).as(activityId).hasSize(1);
        managementService.executeJob(jobs.get(0).getId());
    }

    private static org.camunda.spin.plugin.variable.value.JsonValue checklist(String... values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return SpinValues.jsonValue(json.append(']').toString()).create();
    }

    private void as(String user, StaffGroup group, Runnable action) {
        identityService.setAuthentication(user, List.of(group.id()));
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    // ---------------------------------------------------------------- web apps' login

    /** Logs in at the web apps' welcome page as a browser does; returns the Cookie header of the session. */
    static String logIn(TestRestTemplate rest, String user) {
        ResponseEntity<String> welcome = rest.getForEntity("/camunda/app/welcome/default/", String.class);
        Map<String, String> cookies = cookies(new LinkedHashMap<>(), welcome.getHeaders());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookieHeader(cookies));
        if (cookies.containsKey("XSRF-TOKEN")) {
            headers.add("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", PASSWORD);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/welcome", HttpMethod.POST,
            new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        return cookieHeader(cookies(cookies, login.getHeaders()));
    }

    static <T> ResponseEntity<T> get(TestRestTemplate rest, String cookie, String path, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
    }

    private static Map<String, String> cookies(Map<String, String> cookies, HttpHeaders headers) {
        List<String> setCookies = headers.getOrDefault(HttpHeaders.SET_COOKIE, new ArrayList<>());
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return cookies;
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
            .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** The microcredit row of a dashboard answer (other processes have rows of their own). */
    static JsonNode microcreditOf(JsonNode dashboard) {
        for (JsonNode process : dashboard.path("processes")) {
            if (process.path("processKey").asText().equals(MicrocreditProcess.KEY)) {
                return process;
            }
        }
        throw new AssertionError("no microcredit figures in " + dashboard.path("processes"));
    }
}
