package tr.bel.izmit.kadinaile.microcredit;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerJavaDelegateMock;
import static org.camunda.community.mockito.CamundaMockito.verifyJavaDelegateMock;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.support.ModelTestEngine;

/**
 * Fast tier: the model {@code microcredit-application} alone (BPMN, its DMN and forms) on a plain in-memory engine, every
 * delegate, listener and bean mocked. The real delegates, our tables, the application's engine plugins and parse
 * listeners are covered by {@link MicrocreditProcessTests} (full application).
 */
@ExtendWith(ModelTestEngine.class)
@Deployment(resources = {"bpmn/microcredit-application.bpmn", "bpmn/microcredit-eligibility.dmn",
    "forms/microcredit-application-start.form", "forms/microcredit-application-check-documents.form",
    "forms/microcredit-application-assess-business-plan.form", "forms/microcredit-application-committee-decision.form",
    "forms/microcredit-application-manager-approval.form", "forms/microcredit-application-overdue-follow-up.form"})
class MicrocreditModelTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static final long APPLICATION = 41L;
    private static final String TRACKING_CODE = "MK-TEST-0041";

    MicrocreditApplications applications;
    MicrocreditLoans loans;

    @BeforeEach
    void mockTheApplication() {
        ModelTestEngine.mockDelegates("bpmn/microcredit-application.bpmn", "formValidation");
        applications = ModelTestEngine.mockBean("microcreditApplications", MicrocreditApplications.class);
        loans = ModelTestEngine.mockBean("microcreditLoans", MicrocreditLoans.class);
        when(loans.reminderTime(anyLong())).thenAnswer(call -> inDays(30));
        when(loans.overdueFollowUpTime(anyLong())).thenAnswer(call -> inDays(60));
        Installment installment = mock(Installment.class);
        when(installment.getSequence()).thenReturn(1);
        when(installment.getAmount()).thenReturn(new BigDecimal("500.00"));
        when(installment.getDueDate()).thenReturn(LocalDate.now().plusDays(30));
        when(loans.installment(anyLong())).thenReturn(installment);
        registerJavaDelegateMock("disburseLoan").onExecutionSetVariables(Map.of("loanId", 7L, "installmentIds",
            Variables.objectValue(List.of(101L, 102L)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    }

    // ---------------------------------------------------------------- eligibility

    @Test
    void shouldEndIneligibleBelowTheMinimumAmountAndTellTheApplicant() {
        ProcessInstance instance = start(1000, false, false);

        assertThat(instance).isEnded().hasPassed(Elements.CHECK_ELIGIBILITY, Elements.NOTIFY_INELIGIBLE, Elements.END_INELIGIBLE)
            .variables().containsEntry("reasonCode", "AMOUNT_BELOW_MINIMUM");
        verify(applications).markIneligible(APPLICATION, "AMOUNT_BELOW_MINIMUM");
        verifyJavaDelegateMock("applicantNotifier").executed(times(1));
    }

    @Test
    void shouldEndIneligibleWithAnOpenLoan() {
        ProcessInstance instance = start(2000, true, false);

        assertThat(instance).isEnded().hasPassed(Elements.END_INELIGIBLE).variables().containsEntry("eligible", false);
        verify(applications).markIneligible(eq(APPLICATION), anyString());
    }

    // ---------------------------------------------------------------- documents

    @Test
    void shouldWaitForMissingDocumentsAndCheckThemAgainWhenTheyArrive() {
        ProcessInstance instance = start(2500, false, false);
        assertThat(instance).isWaitingAt(Elements.CHECK_DOCUMENTS);
        verify(applications).markStatus(APPLICATION, "IN_REVIEW");

        complete(task(instance), withVariables("documentsDecision", "INCOMPLETE", "missingDocuments", "Nüfus kayıt örneği"));
        assertThat(instance).isWaitingAt(Elements.GATEWAY_WAIT_FOR_DOCUMENTS);
        verify(applications).markStatus(APPLICATION, "DOCUMENTS_MISSING");

        runtimeService().createMessageCorrelation(MicrocreditProcess.Messages.DOCUMENTS_SUBMITTED)
            .processInstanceBusinessKey(TRACKING_CODE).correlate();
        assertThat(instance).isWaitingAt(Elements.CHECK_DOCUMENTS);
        verify(applications, times(2)).markStatus(APPLICATION, "IN_REVIEW");
    }

    @Test
    void shouldWithdrawTheApplicationWhenNoDocumentsCameIn14Days() {
        ProcessInstance instance = start(2500, false, false);
        complete(task(instance), withVariables("documentsDecision", "INCOMPLETE"));

        Job deadline = job(Elements.DOCUMENTS_DEADLINE, instance);
        org.assertj.core.api.Assertions.assertThat(deadline.getDuedate()).as("14 days").isAfter(inDays(13)).isBefore(inDays(15));
        execute(deadline);

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN);
        verify(applications).markStatus(APPLICATION, "WITHDRAWN");
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void shouldEndRejectedWhenTheCommitteeRejects() {
        ProcessInstance instance = toCommittee(2500);

        complete(task(instance), withVariables("committeeDecision", "REJECT", "committeeRejectionReason", "Pazar araştırması yok."));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED).hasNotPassed(Elements.DISBURSE_LOAN);
        verify(applications).markStatus(APPLICATION, "REJECTED");
        verifyJavaDelegateMock("disburseLoan").executedNever();
    }

    @Test
    void shouldAskTheManagerWhenTheApprovedAmountRequiresItAndEndRejectedOnHerNo() {
        when(applications.managerApprovalRequired(anyString())).thenReturn(true);
        ProcessInstance instance = toCommittee(5000);
        complete(task(instance), withVariables("committeeDecision", "APPROVE", "approvedAmount", 5000));

        assertThat(instance).isWaitingAt(Elements.MANAGER_APPROVAL);
        assertThat(task(instance)).hasCandidateGroup("managers");
        verify(applications, never()).markStatus(APPLICATION, "APPROVED");

        complete(task(instance), withVariables("managerDecision", "REJECT", "managerRejectionReason", "Bütçe yetersiz."));
        assertThat(instance).isEnded().hasPassed(Elements.END_REJECTED).hasNotPassed(Elements.DISBURSE_LOAN);
    }

    @Test
    void shouldDisburseWithoutTheManagerAndCloseTheLoanWhenEveryInstallmentIsPaid() {
        ProcessInstance instance = toCommittee(3000);
        complete(task(instance), withVariables("committeeDecision", "APPROVE", "approvedAmount", 3000));

        assertThat(instance).hasNotPassed(Elements.MANAGER_APPROVAL).isWaitingAt(Elements.DISBURSE_LOAN);
        verify(applications).markStatus(APPLICATION, "APPROVED");
        execute(job(instance));
        verifyJavaDelegateMock("disburseLoan").executed(times(1));
        assertThat(instance).isWaitingAt(Elements.INSTALLMENT_DUE);
        org.assertj.core.api.Assertions.assertThat(runtimeService().createExecutionQuery().processInstanceId(instance.getId())
            .activityId(Elements.INSTALLMENT_DUE).count()).as("one branch per installment").isEqualTo(2);

        for (long installment : List.of(101L, 102L)) {
            runtimeService().createMessageCorrelation(MicrocreditProcess.Messages.INSTALLMENT_PAID)
                .processInstanceBusinessKey(TRACKING_CODE).localVariableEquals("installmentId", installment).correlate();
        }

        assertThat(instance).isWaitingAt(Elements.CLOSE_LOAN);
        execute(job(instance));
        assertThat(instance).isEnded().hasPassed(Elements.END_LOAN_REPAID);
        verifyJavaDelegateMock("closeLoan").executed(times(1));
    }

    @Test
    void shouldRemindAndFollowUpAnOverdueInstallmentAgainAfter30Days() {
        ProcessInstance instance = toCommittee(3000);
        complete(task(instance), withVariables("committeeDecision", "APPROVE", "approvedAmount", 3000));
        execute(job(instance));

        execute(jobAt(instance, Elements.INSTALLMENT_DUE));
        verifyJavaDelegateMock("applicantNotifier").executed(times(1));
        execute(jobAt(instance, Elements.OVERDUE_30_DAYS));

        assertThat(instance).isWaitingAt(Elements.OVERDUE_FOLLOW_UP);
        org.camunda.bpm.engine.task.Task followUp = BpmnAwareTests.taskQuery().taskDefinitionKey(Elements.OVERDUE_FOLLOW_UP).singleResult();
        assertThat(followUp).hasCandidateGroup("izgim-officers");
        org.assertj.core.api.Assertions.assertThat(BpmnAwareTests.taskService().getVariable(followUp.getId(), "installmentSequence"))
            .isEqualTo(1);
        complete(followUp, withVariables("followUpOutcome", "PROMISED_TO_PAY", "followUpNote", "Hafta sonu ödeyecek."));
        assertThat(instance).isWaitingAt(Elements.FOLLOW_UP_AGAIN);
    }

    @Test
    void shouldLetTheApplicantWithdrawWhileTheCaseIsUnderReview() {
        ProcessInstance instance = start(2500, false, false);

        runtimeService().createMessageCorrelation(MicrocreditProcess.Messages.WITHDRAWN_BY_APPLICANT)
            .processInstanceBusinessKey(TRACKING_CODE).correlate();

        assertThat(instance).isEnded().hasPassed(Elements.END_WITHDRAWN_BY_APPLICANT);
        verify(applications).assertWithdrawable(APPLICATION);
        verify(applications).markStatus(APPLICATION, "WITHDRAWN");
    }

    // ---------------------------------------------------------------- helpers

    /** Starts the case as the intake listener leaves it: our ids and the facts the decision needs. */
    private ProcessInstance start(long amount, boolean openLoan, boolean overdueLoan) {
        return runtimeService().startProcessInstanceByKey(MicrocreditProcess.KEY, TRACKING_CODE, Map.of(
            "applicationId", APPLICATION, "trackingCode", TRACKING_CODE, "requestedAmount", amount, "termMonths", 6,
            "district", "IZMIT", "hasOpenLoan", openLoan, "hasOverdueLoan", overdueLoan));
    }

    private ProcessInstance toCommittee(long amount) {
        ProcessInstance instance = start(amount, false, false);
        complete(task(instance), withVariables("documentsDecision", "COMPLETE"));
        assertThat(instance).isWaitingAt(Elements.ASSESS_BUSINESS_PLAN);
        complete(task(instance), withVariables("businessPlanScore", 4, "businessPlanComment", "Gerçekçi."));
        assertThat(instance).isWaitingAt(Elements.COMMITTEE_DECISION);
        return instance;
    }

    private static Job jobAt(ProcessInstance instance, String activityId) {
        return BpmnAwareTests.managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
            .listPage(0, 1).get(0);
    }

    private static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
}
