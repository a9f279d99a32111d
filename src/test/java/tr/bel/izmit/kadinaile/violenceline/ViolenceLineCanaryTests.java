package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * A distinctive name, phone and note entered at intake and in staff notes must appear nowhere but
 * encrypted in our case table: not in the engine's tables, not in the logs, not in a plain-text dump of the
 * whole database. After closure, retention and history cleanup it is gone from our table too.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ViolenceLineCanaryTests {

    private static final String STAFF_CANARY = "Kanarya-personel-notu-4711";
    private static final String PLAN_CANARY = "Kanarya-guvenlik-plani-4711";

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ViolenceCaseStore cases;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldKeepTheCanaryOutOfTheEngineTheLogsAndTheDumpAndEraseItAfterRetention(CapturedOutput output) {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put("immediateDanger", true);
        identityService.setAuthentication("merve.koc", java.util.List.of("violence-line-operators"));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake);
        identityService.clearAuthentication();
        Long caseId = (Long) runtimeService.getVariable(instance.getId(), Vars.CASE_ID);

        // every task of the case, with free-text notes carrying canaries
        complete(instance, "Task_EmergencyResponse", Map.of("emergencyActions", ViolenceLineTestData.checklist("POLICE_155"), Vars.STAFF_NOTE, STAFF_CANARY));
        for (Task make : tasks(instance, "Task_MakeReferral")) {
            taskService.complete(make.getId(), Map.of("referralMade", true, Vars.STAFF_NOTE, STAFF_CANARY));
        }
        for (Task answer : tasks(instance, "Task_RecordReferralAnswer")) {
            taskService.complete(answer.getId(), Map.of(Vars.REFERRAL_ANSWER, "ACCEPTED"));
        }
        complete(instance, "Task_SafetyPlan", Map.of("safetyPlanItems", ViolenceLineTestData.checklist("SAFE_PLACE"), Vars.SAFETY_PLAN_TEXT, PLAN_CANARY));
        complete(instance, "Task_ApproveSafetyPlan", Map.of(Vars.SAFETY_PLAN_DECISION, "APPROVE"));
        for (int call = 0; call < 3; call++) {
            Job due = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Event_FollowUpDue").singleResult();
            ClockUtil.setCurrentTime(due.getDuedate());
            managementService.executeJob(due.getId());
            complete(instance, "Task_FollowUpCall", Map.of(Vars.FOLLOW_UP_OUTCOME, "SAFE", Vars.STAFF_NOTE, STAFF_CANARY));
        }
        complete(instance, "Task_CloseCase", Map.of(Vars.CLOSURE_OUTCOME, "SAFE_AND_SUPPORTED"));
        complete(instance, "Task_ApproveClosure", Map.of(Vars.CLOSURE_DECISION, "APPROVE"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();

        // the notes are in our table, encrypted; the case reads back in clear for the line's staff
        assertThat(cases.read(caseId, "selin.aydin", "127.0.0.1").victimName()).isEqualTo(ViolenceLineTestData.CANARY_NAME);

        List<String> canaries = List.of("Zümrüt", "Kanarya", ViolenceLineTestData.CANARY_PHONE, STAFF_CANARY, PLAN_CANARY);
        String dump = String.join("\n", jdbc.queryForList("SCRIPT", String.class));
        assertThat(dump).contains("VL_CASE").contains("ACT_HI_PROCINST");
        for (String canary : canaries) {
            assertThat(dump).as("plain-text dump of the whole database").doesNotContain(canary);
            assertThat(output.getAll()).as("logs").doesNotContain(canary);
        }

        // retention (30 days after closure) and history cleanup (historyTimeToLive 30 days)
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(31))));
        assertThat(cases.erasePersonalDataDueForRetention()).isGreaterThanOrEqualTo(1);
        Map<String, Object> erased = jdbc.queryForMap("select victim_name, safe_phone, safe_call_times, neighbourhood, incident_notes,"
            + " risk_level, district, closure_outcome from vl_case where id = ?", caseId);
        assertThat(erased).containsEntry("victim_name", null).containsEntry("safe_phone", null).containsEntry("incident_notes", null)
            .containsEntry("neighbourhood", null).containsEntry("risk_level", "CRITICAL").containsEntry("district", "IZMIT")
            .containsEntry("closure_outcome", "SAFE_AND_SUPPORTED");
        assertThat(jdbc.queryForObject("select count(*) from vl_case_note where case_id = ?", Integer.class, caseId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from vl_referral where case_id = ?", Integer.class, caseId))
            .as("aggregates survive erasure").isGreaterThan(0);

        assertThat(historyService.findHistoryCleanupJobs()).as("the nightly history cleanup is scheduled").isNotEmpty()
            .allSatisfy(job -> assertThat(job.getDuedate()).isNotNull());
        historyService.cleanUpHistoryAsync(true);
        // the cleanup runs as several jobs in parallel (historyCleanupDegreeOfParallelism), each over its share
        historyService.findHistoryCleanupJobs().forEach(job -> managementService.executeJob(job.getId()));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private List<Task> tasks(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        List<Task> found = tasks(instance, key);
        assertThat(found).as(key).hasSize(1);
        taskService.complete(found.get(0).getId(), variables);
    }
}
