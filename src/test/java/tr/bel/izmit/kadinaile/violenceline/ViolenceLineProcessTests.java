package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/** Every path of {@code violence-line-referral} on the real engine; timers moved on by executing their jobs. */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ViolenceLineProcessTests {

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ViolenceCaseStore cases;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldEscalateACriticalCallToTheSupervisorAfter15MinutesAndAlwaysReferToThePolice() {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put("immediateDanger", true);
        intake.put("consentedReferrals", ViolenceLineTestData.checklist("SHELTER"));
        ProcessInstance instance = start(intake);

        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.RISK_LEVEL)).isEqualTo("CRITICAL");
        Assertions.assertThat(referralTypes(instance)).containsExactly("POLICE", "SHELTER");
        assertThat(instance).isWaitingAt("Task_EmergencyResponse");
        Task emergency = task(instance, "Task_EmergencyResponse");
        Assertions.assertThat(emergency.getAssignee()).isEqualTo("merve.koc");
        Assertions.assertThat(emergency.getPriority()).isEqualTo(100);
        Assertions.assertThat(emergency.getName()).contains(instance.getBusinessKey()).doesNotContain("Zümrüt");

        Job overdue = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Event_EmergencyOverdue").singleResult();
        Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), overdue.getDuedate().toInstant()))
            .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
        execute(overdue);

        Task escalation = task(instance, "Task_EmergencyEscalation");
        assertThat(escalation).hasCandidateGroup("violence-line-supervisors");
        assertThat(instance).isWaitingAt("Task_EmergencyResponse", "Task_EmergencyEscalation");
        taskService.complete(escalation.getId(), withVariables("supervisorAction", "TOOK_OVER"));
        taskService.complete(emergency.getId(), withVariables("emergencyActions", ViolenceLineTestData.checklist("POLICE_155", "SHELTER_PLACEMENT"),
            Vars.STAFF_NOTE, "Ekip 8 dakikada ulaştı."));

        assertThat(instance).hasPassed("EndEvent_EmergencyEscalationHandled").isWaitingAt("Task_MakeReferral");
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_MakeReferral").count())
            .isEqualTo(2);
        Assertions.assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(Vars.STAFF_NOTE);
    }

    @Test
    void shouldRunReferralsInParallelAndRecordARejection() {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put("weaponOrThreatToKill", true);
        intake.put("consentedReferrals", ViolenceLineTestData.checklist("POLICE", "SONIM", "LEGAL_AID"));
        ProcessInstance instance = start(intake);

        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.RISK_LEVEL)).isEqualTo("HIGH");
        assertThat(instance).hasNotPassed("Task_EmergencyResponse");
        List<Long> referralIds = referralIds(instance);
        Assertions.assertThat(referralTypes(instance)).containsExactly("POLICE", "SONIM", "LEGAL_AID");
        // the parallel tasks say which institution each is for (and still carry the case code, never a name)
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_MakeReferral")
            .list()).extracting(Task::getName).containsExactlyInAnyOrder("Yönlendirme: Kolluk (" + instance.getBusinessKey() + ")",
                "Yönlendirme: ŞÖNİM (" + instance.getBusinessKey() + ")", "Yönlendirme: Hukuki destek (" + instance.getBusinessKey() + ")");

        for (Task make : taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_MakeReferral").list()) {
            assertThat(make).hasCandidateGroup("violence-line-social-workers");
            taskService.complete(make.getId(), withVariables("referralMade", true));
        }
        List<Task> answers = taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey("Task_RecordReferralAnswer").list();
        Assertions.assertThat(answers).hasSize(3);
        Assertions.assertThat(answers).extracting(Task::getName).contains("Kurum yanıtı: ŞÖNİM (" + instance.getBusinessKey() + ")");

        // one answered in Tasklist as rejected, one accepted in Tasklist, one by the institution's message
        taskService.complete(answers.get(0).getId(), withVariables(Vars.REFERRAL_ANSWER, "REJECTED",
            Vars.REFERRAL_REJECTION_REASON, "NO_CAPACITY"));
        taskService.complete(answers.get(1).getId(), withVariables(Vars.REFERRAL_ANSWER, "ACCEPTED"));
        Long viaMessage = Typed.REFERRAL_ID.from(taskService, answers.get(2).getId()).get();
        cases.recordAnswer(viaMessage, true, null);
        runtimeService.createMessageCorrelation(ViolenceLineProcess.Messages.REFERRAL_ANSWERED)
            .localVariableEquals(Vars.REFERRAL_ID, viaMessage).correlate();

        assertThat(instance).hasPassed("EndEvent_ReferralAnsweredByMessage", "EndEvent_ReferralAnswered").isWaitingAt("Task_SafetyPlan");
        Assertions.assertThat(jdbc.queryForList("select status from vl_referral where id in (?, ?, ?) order by id", String.class,
            referralIds.toArray())).containsExactlyInAnyOrder("REJECTED", "ACCEPTED", "ACCEPTED");
        Assertions.assertThat(jdbc.queryForObject("select rejection_reason from vl_referral where status = 'REJECTED' and id in (?, ?, ?)",
            String.class, referralIds.toArray())).isEqualTo("NO_CAPACITY");
    }

    @Test
    void shouldEscalateAnUnansweredReferralWhenItsSlaRunsOut() {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put("violenceTypes", ViolenceLineTestData.checklist("PHYSICAL"));
        intake.put("consentedReferrals", ViolenceLineTestData.checklist("SONIM"));
        ProcessInstance instance = start(intake);
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.RISK_LEVEL)).isEqualTo("MEDIUM");
        Long referralId = referralIds(instance).get(0);

        Job sla = managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Event_ReferralSlaBreached").singleResult();
        Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), sla.getDuedate().toInstant()))
            .isBetween(Duration.ofHours(71), Duration.ofHours(73));
        execute(sla);

        Task escalation = task(instance, "Task_ReferralSlaEscalation");
        assertThat(escalation).hasCandidateGroup("violence-line-supervisors");
        Assertions.assertThat(jdbc.queryForObject("select sla_breached from vl_referral where id = ?", Boolean.class, referralId)).isTrue();
        assertThat(instance).isWaitingAt("Task_MakeReferral", "Task_ReferralSlaEscalation");
        taskService.complete(escalation.getId(), withVariables("slaAction", "CONTACTED_INSTITUTION"));
        completeReferrals(instance, "ACCEPTED");
        assertThat(instance).hasPassed("EndEvent_SlaEscalationHandled").isWaitingAt("Task_SafetyPlan");
    }

    @Test
    void shouldCloseACaseAfterTheFollowUpsWithTheSupervisorsApproval() {
        ProcessInstance instance = start(ViolenceLineTestData.intake());
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.RISK_LEVEL)).isEqualTo("LOW");
        completeReferrals(instance, "ACCEPTED");
        safetyPlanApproved(instance, true);

        // LOW: follow-ups after 7 and 30 days
        followUp(instance, "SAFE", Duration.ofDays(7));
        followUp(instance, "SAFE", Duration.ofDays(23));

        assertThat(instance).isWaitingAt("Task_CloseCase");
        taskService.complete(task(instance, "Task_CloseCase").getId(), withVariables(Vars.CLOSURE_OUTCOME, "SAFE_AND_SUPPORTED"));
        Task approve = task(instance, "Task_ApproveClosure");
        assertThat(approve).hasCandidateGroup("violence-line-supervisors");
        taskService.complete(approve.getId(), withVariables(Vars.CLOSURE_DECISION, "APPROVE"));

        assertThat(instance).isEnded().hasPassed("Task_MarkClosed", "EndEvent_CaseClosed");
        Assertions.assertThat(caseRow(instance)).containsEntry("status", "CLOSED").containsEntry("closure_outcome", "SAFE_AND_SUPPORTED");
    }

    @Test
    void shouldReworkTheSafetyPlanAndReopenAClosure() {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.put("doNotCall", true);
        ProcessInstance instance = start(intake);
        completeReferrals(instance, "ACCEPTED");
        safetyPlanApproved(instance, false);
        assertThat(instance).isWaitingAt("Task_SafetyPlan");
        safetyPlanApproved(instance, true);

        // she asked not to be called: no follow-up call, straight to closure
        assertThat(instance).isWaitingAt("Task_CloseCase").hasNotPassed("Task_FollowUpCall");
        taskService.complete(task(instance, "Task_CloseCase").getId(), withVariables(Vars.CLOSURE_OUTCOME, "DECLINED_SUPPORT"));
        taskService.complete(task(instance, "Task_ApproveClosure").getId(), withVariables(Vars.CLOSURE_DECISION, "REOPEN"));
        assertThat(instance).isWaitingAt("Task_SafetyPlan");
        Assertions.assertThat(cases.noContactFor(caseId(instance), Duration.ofDays(30))).isFalse();
    }

    @Test
    void shouldGoBackToTheRiskAssessmentWhenAFollowUpFindsSheNeedsMoreSupport() {
        ProcessInstance instance = start(ViolenceLineTestData.intake());
        completeReferrals(instance, "ACCEPTED");
        safetyPlanApproved(instance, true);
        Job due = followUpJob(instance);
        ClockUtil.setCurrentTime(due.getDuedate());
        execute(due);
        taskService.complete(task(instance, "Task_FollowUpCall").getId(), withVariables(Vars.FOLLOW_UP_OUTCOME, "NEEDS_SUPPORT",
            Vars.STAFF_NOTE, "Eşi yeniden eve döndü."));

        Task reassess = task(instance, "Task_ReassessRisk");
        taskService.complete(reassess.getId(), withVariables("violenceTypes", ViolenceLineTestData.checklist("PHYSICAL", "PSYCHOLOGICAL"),
            "immediateDanger", false, "weaponOrThreatToKill", false, "childrenAtRisk", true, "pregnant", false,
            "earlierIncidents", true, "protectionOrder", false, "consentedReferrals", ViolenceLineTestData.checklist("SONIM", "SHELTER")));

        assertThat(instance).hasPassed("Task_ReassessRisk").isWaitingAt("Task_MakeReferral");
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.RISK_LEVEL)).isEqualTo("HIGH");
        Assertions.assertThat(caseRow(instance)).containsEntry("risk_level", "HIGH");
    }

    @Test
    void shouldSendThreeUnreachableCallsToTheSupervisorAndCloseForLostContactOnlyAfter30Days() {
        ProcessInstance instance = start(ViolenceLineTestData.intake());
        completeReferrals(instance, "ACCEPTED");
        safetyPlanApproved(instance, true);

        followUp(instance, "UNREACHABLE", Duration.ofDays(7));
        followUp(instance, "UNREACHABLE", Duration.ofDays(2));
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.UNREACHABLE_COUNT)).isEqualTo(2);
        followUp(instance, "UNREACHABLE", Duration.ofDays(2));

        Task review = task(instance, "Task_UnreachableReview");
        assertThat(review).hasCandidateGroup("violence-line-supervisors");
        // 11 days without contact: not yet "lost contact"
        assertThatThrownBy(() -> taskService.complete(review.getId(), withVariables(Vars.UNREACHABLE_DECISION, "CLOSE_LOST_CONTACT")))
            .hasRootCauseInstanceOf(ValidationFailedException.class)
            .hasMessageContaining(Vars.UNREACHABLE_DECISION);
        assertThat(instance).isWaitingAt("Task_UnreachableReview");

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(25))));
        taskService.complete(review.getId(), withVariables(Vars.UNREACHABLE_DECISION, "CLOSE_LOST_CONTACT"));

        assertThat(instance).isEnded().hasPassed("Task_CloseLostContact", "EndEvent_CaseLostContact");
        Assertions.assertThat(caseRow(instance)).containsEntry("status", "CLOSED").containsEntry("closure_outcome", "LOST_CONTACT");
    }

    @Test
    void shouldContinueTheFollowUpWhenTheSupervisorDecidesSo() {
        ProcessInstance instance = start(ViolenceLineTestData.intake());
        completeReferrals(instance, "ACCEPTED");
        safetyPlanApproved(instance, true);
        followUp(instance, "UNREACHABLE", Duration.ofDays(7));
        followUp(instance, "UNREACHABLE", Duration.ofDays(2));
        followUp(instance, "UNREACHABLE", Duration.ofDays(2));
        taskService.complete(task(instance, "Task_UnreachableReview").getId(), withVariables(Vars.UNREACHABLE_DECISION, "CONTINUE"));

        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.UNREACHABLE_COUNT)).isEqualTo(0);
        followUp(instance, "SAFE", Duration.ofDays(2));
        assertThat(instance).isWaitingAt("Event_FollowUpDue");
    }

    @Test
    void shouldRejectAnIntakeWithoutDistrictOrViolenceType() {
        Map<String, Object> intake = ViolenceLineTestData.intake();
        intake.remove("district");
        intake.put("violenceTypes", ViolenceLineTestData.checklist());
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count();
        long casesBefore = jdbc.queryForObject("select count(*) from vl_case", Long.class);

        identityService.setAuthentication("merve.koc", java.util.List.of("violence-line-operators"));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake))
            .isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors())
                .extracting(tr.bel.izmit.kadinaile.common.FieldError::field).contains("district", "violenceTypes"));
        identityService.clearAuthentication();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ViolenceLineProcess.KEY).count()).isEqualTo(before);
        Assertions.assertThat(jdbc.queryForObject("select count(*) from vl_case", Long.class)).isEqualTo(casesBefore);
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(Map<String, Object> intake) {
        // the operator starts from Tasklist: she is the initiator
        identityService.setAuthentication("merve.koc", java.util.List.of("violence-line-operators"));
        try {
            ProcessInstance started = runtimeService.startProcessInstanceByKey(ViolenceLineProcess.KEY, intake);
            return runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Long> referralIds(ProcessInstance instance) {
        return ((List<Number>) runtimeService.getVariable(instance.getId(), Vars.REFERRAL_IDS)).stream().map(Number::longValue).toList();
    }

    private List<String> referralTypes(ProcessInstance instance) {
        return referralIds(instance).stream().map(cases::referralType).toList();
    }

    private Long caseId(ProcessInstance instance) {
        return Typed.CASE_ID.from(runtimeService, instance.getId()).get();
    }

    private Map<String, Object> caseRow(ProcessInstance instance) {
        return jdbc.queryForMap("select status, closure_outcome, risk_level from vl_case where process_instance_id = ?", instance.getId());
    }

    private void completeReferrals(ProcessInstance instance, String answer) {
        for (Task make : taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_MakeReferral").list()) {
            taskService.complete(make.getId(), withVariables("referralMade", true));
        }
        for (Task record : taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_RecordReferralAnswer").list()) {
            taskService.complete(record.getId(), withVariables(Vars.REFERRAL_ANSWER, answer));
        }
    }

    private void safetyPlanApproved(ProcessInstance instance, boolean approve) {
        Task plan = task(instance, "Task_SafetyPlan");
        assertThat(plan).hasCandidateGroup("violence-line-social-workers");
        taskService.complete(plan.getId(), withVariables("safetyPlanItems", ViolenceLineTestData.checklist("SAFE_PLACE", "CODE_WORD"),
            Vars.SAFETY_PLAN_TEXT, "Komşu Ayşe Hanım'ın evi güvenli yer; şifre kelime: limon."));
        Task approval = task(instance, "Task_ApproveSafetyPlan");
        assertThat(approval).hasCandidateGroup("violence-line-supervisors");
        taskService.complete(approval.getId(), withVariables(Vars.SAFETY_PLAN_DECISION, approve ? "APPROVE" : "REWORK"));
    }

    private Job followUpJob(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId("Event_FollowUpDue").singleResult();
    }

    /** Waits for the follow-up timer (asserting it is due about {@code after} from now), runs it and answers the call. */
    private void followUp(ProcessInstance instance, String outcome, Duration after) {
        Job due = followUpJob(instance);
        Assertions.assertThat(due).as("a follow-up call is planned").isNotNull();
        Assertions.assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), due.getDuedate().toInstant()))
            .isBetween(after.minusHours(1), after.plusHours(1));
        ClockUtil.setCurrentTime(due.getDuedate());
        execute(due);
        Task call = task(instance, "Task_FollowUpCall");
        assertThat(call).hasCandidateGroup("violence-line-social-workers");
        taskService.complete(call.getId(), withVariables(Vars.FOLLOW_UP_OUTCOME, outcome));
    }
}
