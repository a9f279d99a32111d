package tr.bel.izmit.kadinaile.violenceline;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerJavaDelegateMock;
import static org.camunda.community.mockito.CamundaMockito.registerTaskListenerMock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import tr.bel.izmit.kadinaile.support.ModelTestEngine;

/**
 * Fast tier: the model {@code violence-line-referral} alone (BPMN, its DMN and forms) on a plain in-memory engine, every
 * delegate, listener and bean mocked. The encrypted case store, the notes listener, the follow-up calendar, the
 * authorizations and the application's engine plugins are covered by {@link ViolenceLineProcessTests} (full
 * application). Element ids are written out here: the process descriptor has no element constants.
 */
@ExtendWith(ModelTestEngine.class)
@Deployment(resources = {"bpmn/violence-line-referral.bpmn", "bpmn/violence-risk-level.dmn",
    "forms/violence-line-referral-intake.form", "forms/violence-line-referral-emergency.form",
    "forms/violence-line-referral-emergency-escalation.form", "forms/violence-line-referral-make-referral.form",
    "forms/violence-line-referral-record-answer.form", "forms/violence-line-referral-sla-escalation.form",
    "forms/violence-line-referral-safety-plan.form", "forms/violence-line-referral-approve-safety-plan.form",
    "forms/violence-line-referral-follow-up-call.form", "forms/violence-line-referral-reassess-risk.form",
    "forms/violence-line-referral-unreachable-review.form", "forms/violence-line-referral-close-case.form",
    "forms/violence-line-referral-approve-closure.form"})
class ViolenceLineModelTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static final long CASE = 5L;

    ViolenceCaseModelActions cases;
    FollowUpScheduler followUps;
    /** The follow-up times the scheduler hands out, one per call; null when none is left. */
    final Deque<Date> followUpTimes = new ArrayDeque<>();

    @BeforeEach
    void mockTheApplication() throws Exception {
        ModelTestEngine.mockDelegates("bpmn/violence-line-referral.bpmn", "formValidation");
        // the model's "violenceCases" is the store's facade (ViolenceLineModelBeans)
        cases = ModelTestEngine.mockBean("violenceCases", ViolenceCaseModelActions.class);
        when(cases.referralType(anyLong())).thenReturn("POLICE");
        when(cases.referralLabel("POLICE")).thenReturn("Kolluk");
        ModelTestEngine.mockBean("violenceSla", ViolenceSla.class);
        followUps = ModelTestEngine.mockBean("violenceFollowUps", FollowUpScheduler.class);
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable("nextFollowUpAt", followUpTimes.poll());
            return null;
        }).when(followUps).execute(any());
        registerJavaDelegateMock("violenceReferralPlanner").onExecutionSetVariables(Map.of("referralIds",
            Variables.objectValue(List.of(201L)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create(),
            "slaDuration", "PT4H"));
    }

    @Test
    void shouldRunACriticalCaseFromTheCallToItsApprovedClosure() {
        followUpTimes.add(inDays(1));
        ProcessInstance instance = start(true);

        assertThat(instance).hasPassed("Task_AssessRisk", "Task_PlanReferrals").isWaitingAt("Task_EmergencyResponse")
            .variables().containsEntry("riskLevel", "CRITICAL");
        assertThat(task(instance)).isAssignedTo("merve.koc");
        complete(task(instance), withVariables("emergencyActions", List.of("POLICE_155")));

        Task makeReferral = taskAt(instance, "Task_MakeReferral");
        assertThat(makeReferral).hasCandidateGroup("violence-line-social-workers");
        org.assertj.core.api.Assertions.assertThat(makeReferral.getName()).startsWith("Yönlendirme: Kolluk (");
        complete(makeReferral);
        verify(cases).markReferralMade(201L);
        complete(taskAt(instance, "Task_RecordReferralAnswer"), withVariables("referralAnswer", "ACCEPTED"));

        complete(taskAt(instance, "Task_SafetyPlan"));
        complete(taskAt(instance, "Task_ApproveSafetyPlan"), withVariables("safetyPlanDecision", "APPROVE"));
        verify(followUps).restart(any());
        assertThat(instance).isWaitingAt("Event_FollowUpDue");

        execute(job("Event_FollowUpDue", instance));
        complete(taskAt(instance, "Task_FollowUpCall"), withVariables("followUpOutcome", "SAFE"));
        assertThat(instance).isWaitingAt("Task_CloseCase");
        complete(taskAt(instance, "Task_CloseCase"), withVariables("closureOutcome", "SAFE"));
        complete(taskAt(instance, "Task_ApproveClosure"), withVariables("closureDecision", "APPROVE"));

        assertThat(instance).isEnded().hasPassed("Task_MarkClosed", "EndEvent_CaseClosed");
        verify(cases).close(CASE, "SAFE");
    }

    @Test
    void shouldEscalateToASupervisorWhenTheEmergencyResponseTakesLongerThan15Minutes() {
        ProcessInstance instance = start(true);

        execute(job("Event_EmergencyOverdue", instance));

        Task escalation = taskAt(instance, "Task_EmergencyEscalation");
        assertThat(escalation).hasCandidateGroup("violence-line-supervisors");
        assertThat(instance).isWaitingAt("Task_EmergencyResponse", "Task_EmergencyEscalation");
    }

    @Test
    void shouldGoStraightToTheReferralsWhenTheCaseIsNotCritical() {
        ProcessInstance instance = start(false);

        assertThat(instance).hasNotPassed("Task_EmergencyResponse").isWaitingAt("Task_MakeReferral");
    }

    @Test
    void shouldEscalateAReferralThatMissesItsSlaAndCloseItWhenTheInstitutionAnswers() {
        ProcessInstance instance = start(false);
        complete(taskAt(instance, "Task_MakeReferral"));

        execute(job("Event_ReferralSlaBreached", instance));
        verify(cases).markSlaBreached(201L);
        assertThat(taskAt(instance, "Task_ReferralSlaEscalation")).hasCandidateGroup("violence-line-supervisors");

        runtimeService().createMessageCorrelation(ViolenceLineProcess.Messages.REFERRAL_ANSWERED)
            .processInstanceId(instance.getId()).localVariableEquals("referralId", 201L).correlate();
        complete(taskAt(instance, "Task_ReferralSlaEscalation"));

        assertThat(instance).hasPassed("EndEvent_ReferralAnsweredByMessage").isWaitingAt("Task_SafetyPlan");
    }

    @Test
    void shouldLetTheSupervisorCloseTheCaseAfterThreeUnreachableFollowUps() {
        followUpTimes.add(inDays(1));
        ProcessInstance instance = toFollowUps();

        for (int call = 1; call <= 3; call++) {
            followUpTimes.add(inDays(call + 1));
            execute(job("Event_FollowUpDue", instance));
            registerTaskListenerMock("violenceFollowUpOutcome").onExecutionSetVariable("unreachableCount", call);
            complete(taskAt(instance, "Task_FollowUpCall"), withVariables("followUpOutcome", "UNREACHABLE"));
        }

        Task review = taskAt(instance, "Task_UnreachableReview");
        assertThat(review).hasCandidateGroup("violence-line-supervisors");
        complete(review, withVariables("unreachableDecision", "CLOSE_LOST_CONTACT"));
        assertThat(instance).isEnded().hasPassed("Task_CloseLostContact", "EndEvent_CaseLostContact");
        verify(cases).close(CASE, "LOST_CONTACT");
    }

    @Test
    void shouldAssessTheRiskAgainWhenAFollowUpCallFindsTheVictimInNeed() {
        followUpTimes.add(inDays(1));
        ProcessInstance instance = toFollowUps();
        execute(job("Event_FollowUpDue", instance));

        complete(taskAt(instance, "Task_FollowUpCall"), withVariables("followUpOutcome", "NEEDS_SUPPORT"));
        complete(taskAt(instance, "Task_ReassessRisk"));

        assertThat(instance).hasPassed("Task_ReassessRisk").isWaitingAt("Task_MakeReferral");
    }

    // ---------------------------------------------------------------- helpers

    /** Starts the call as the operator records it and the intake listener leaves it (our case id, no personal data). */
    private ProcessInstance start(boolean immediateDanger) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", CASE);
        variables.put("caseCode", "SH-TEST-0005");
        variables.put("operatorId", "merve.koc");
        variables.put("unreachableCount", 0);
        variables.put("immediateDanger", immediateDanger);
        variables.put("weaponOrThreatToKill", false);
        variables.put("childrenAtRisk", false);
        variables.put("pregnant", false);
        variables.put("earlierIncidents", false);
        variables.put("protectionOrder", false);
        variables.put("physicalViolence", false);
        return runtimeService().startProcessInstanceByKey(ViolenceLineProcess.KEY, "SH-TEST-0005", variables);
    }

    /** A non-critical case past its referral and its approved safety plan, waiting for the first follow-up call. */
    private ProcessInstance toFollowUps() {
        ProcessInstance instance = start(false);
        complete(taskAt(instance, "Task_MakeReferral"));
        complete(taskAt(instance, "Task_RecordReferralAnswer"), withVariables("referralAnswer", "ACCEPTED"));
        complete(taskAt(instance, "Task_SafetyPlan"));
        complete(taskAt(instance, "Task_ApproveSafetyPlan"), withVariables("safetyPlanDecision", "APPROVE"));
        assertThat(instance).isWaitingAt("Event_FollowUpDue");
        return instance;
    }

    private static Task taskAt(ProcessInstance instance, String activityId) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
    }

    private static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
}
