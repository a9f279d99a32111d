package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Template;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.notification.OutboxMessage;
import tr.bel.izmit.kadinaile.notification.OutboxRepository;

/**
 * Every path of {@code microcredit-application} on the real engine, with the real delegates, listeners,
 * forms and DMN; timers are moved on by executing their jobs.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MicrocreditProcessTests {

    @Autowired
    ProcessEngine processEngine;
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
    MicrocreditApplicationRepository applications;
    @Autowired
    LoanRepository loans;
    @Autowired
    DisbursementRepository disbursements;
    @Autowired
    InstallmentRepository installments;
    @Autowired
    MicrocreditCaseActions caseActions;
    @Autowired
    MicrocreditApplications microcreditApplications;
    @Autowired
    OutboxRepository outbox;
    @MockitoSpyBean
    MicrocreditNotifications notifications;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- approved paths

    @Test
    void shouldDisburseAndCloseALoanOf3000WithoutTheManager() {
        ProcessInstance instance = start(3000);
        assertThat(instance).isWaitingAt(Elements.CHECK_DOCUMENTS);
        Assertions.assertThat(taskOf(instance).getName()).isEqualTo("Belgeleri kontrol et (" + instance.getBusinessKey() + ")");
        assertThat(taskOf(instance)).hasCandidateGroup("izgim-officers");

        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 3000);

        assertThat(instance).isWaitingAt(Elements.DISBURSE_LOAN);
        execute(jobOf(instance));

        MicrocreditApplication application = application(instance);
        Loan loan = loans.findByApplicationId(application.getId()).orElseThrow();
        Assertions.assertThat(loan.getPrincipal()).isEqualByComparingTo("3000");
        List<Installment> schedule = installments.findByLoanIdOrderBySequence(loan.getId());
        Assertions.assertThat(schedule).hasSize(6).allSatisfy(i -> Assertions.assertThat(i.getAmount()).isEqualByComparingTo("500.00"));
        Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(instance).hasPassed(Elements.DISBURSE_LOAN).hasNotPassed(Elements.MANAGER_APPROVAL);
        Assertions.assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
            .activityId(Elements.INSTALLMENT_DUE).count()).isEqualTo(6);

        for (Installment installment : schedule) {
            caseActions.recordPayment(loan.getId(), installment.getSequence(), installment.getAmount(), "emine.arslan");
        }
        assertThat(instance).isWaitingAt(Elements.CLOSE_LOAN);
        execute(jobOf(instance));

        assertThat(instance).isEnded().hasPassed(Elements.END_LOAN_REPAID);
        Assertions.assertThat(loans.findById(loan.getId()).orElseThrow().getStatus()).isEqualTo(Loan.Status.CLOSED);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(ApplicationStatus.REPAID);
        Assertions.assertThat(templatesSentTo(application)).contains("RECEIVED", "DISBURSED", "LOAN_CLOSED");
    }

    @Test
    void shouldAskTheManagerAbove3000AndDisburseTheLoweredAmount() {
        ProcessInstance instance = start(4500);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 4000);

        assertThat(instance).isWaitingAt(Elements.MANAGER_APPROVAL);
        assertThat(taskOf(instance)).hasCandidateGroup("managers");
        actAs("hatice.sahin", "managers");
        taskService.claim(taskOf(instance).getId(), "hatice.sahin");
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.MANAGER_DECISION, "APPROVE"));
        identityService.clearAuthentication();

        assertThat(instance).isWaitingAt(Elements.DISBURSE_LOAN);
        execute(jobOf(instance));
        Loan loan = loans.findByApplicationId(application(instance).getId()).orElseThrow();
        Assertions.assertThat(loan.getPrincipal()).isEqualByComparingTo("4000");
        Assertions.assertThat(disbursements.findByLoanId(loan.getId()).orElseThrow().getAmount()).isEqualByComparingTo("4000");
        assertThat(instance).hasPassed(Elements.MANAGER_APPROVAL, Elements.DISBURSE_LOAN).isWaitingAt(Elements.INSTALLMENT_DUE);
    }

    @Test
    void shouldSkipTheManagerWhenTheCommitteeLowersTheAmountTo3000() {
        ProcessInstance instance = start(3500);
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.MANAGER_APPROVAL_REQUIRED))
            .as("the eligibility check, on the requested amount").isEqualTo(true);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 3000);

        // the gateway reads the approved amount in our record, not the variable of the eligibility check
        assertThat(instance).hasPassed(Elements.COMMITTEE_DECISION).hasNotPassed(Elements.MANAGER_APPROVAL)
            .isWaitingAt(Elements.DISBURSE_LOAN);
        execute(jobOf(instance));
        Assertions.assertThat(loans.findByApplicationId(application(instance).getId()).orElseThrow().getPrincipal())
            .isEqualByComparingTo("3000");
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void shouldRejectAnApplicantOutsideIzmitThroughTheDecisionTable() {
        Map<String, Object> form = MicrocreditTestData.startForm(2000);
        form.put("district", "GEBZE");
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, form);

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_INELIGIBLE, Elements.END_INELIGIBLE);
        MicrocreditApplication application = application(instance);
        Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.INELIGIBLE);
        Assertions.assertThat(application.getReasonCode()).isEqualTo("NOT_RESIDENT_IN_IZMIT");
        Assertions.assertThat(bodyOf(application, Template.INELIGIBLE)).contains("yalnızca İzmit'te ikamet eden");
    }

    @Test
    void shouldRejectASecondApplicationWhileTheFirstLoanIsOpen() {
        ProcessInstance first = start(2000);
        passDocumentsAndBusinessPlan(first);
        committeeApproves(first, "fatma.kaya", 2000);
        execute(jobOf(first));
        String tc = application(first).getTcKimlikNo();

        Map<String, Object> form = MicrocreditTestData.startForm(1500);
        form.put("tcKimlikNo", tc);
        ProcessInstance second = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, form);

        assertThat(second).isEnded().hasPassed(Elements.END_INELIGIBLE);
        Assertions.assertThat(application(second).getReasonCode()).isEqualTo("OPEN_LOAN");
    }

    @Test
    void shouldEndRejectedWhenTheCommitteeRejects() {
        ProcessInstance instance = start(2500);
        passDocumentsAndBusinessPlan(instance);
        actAs("fatma.kaya", "microcredit-committee");
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.COMMITTEE_DECISION, "REJECT",
            Vars.COMMITTEE_REJECTION_REASON, "İş planı pazar araştırması içermiyor."));
        identityService.clearAuthentication();

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED)
            .hasNotPassed(Elements.DISBURSE_LOAN);
        MicrocreditApplication application = application(instance);
        Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        Assertions.assertThat(loans.findByApplicationId(application.getId())).isEmpty();
        Assertions.assertThat(bodyOf(application, Template.REJECTED)).contains("İş planı pazar araştırması içermiyor.");
    }

    @Test
    void shouldEndRejectedWhenTheManagerRejects() {
        ProcessInstance instance = start(5000);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 5000);
        actAs("hatice.sahin", "managers");
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.MANAGER_DECISION, "REJECT",
            Vars.MANAGER_REJECTION_REASON, "Bütçe bu dönem için tükendi."));
        identityService.clearAuthentication();

        assertThat(instance).isEnded().hasPassed(Elements.MANAGER_APPROVAL, Elements.END_REJECTED);
        Assertions.assertThat(bodyOf(application(instance), Template.REJECTED)).contains("Bütçe bu dönem için tükendi.");
    }

    // ---------------------------------------------------------------- documents

    @Test
    void shouldGoBackToTheDocumentCheckWhenTheMissingDocumentsArrive() {
        ProcessInstance instance = start(2000);
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.DOCUMENTS_DECISION, "INCOMPLETE",
            Vars.MISSING_DOCUMENTS, "İkametgah belgesi"));

        assertThat(instance).isWaitingAt(Elements.GATEWAY_WAIT_FOR_DOCUMENTS);
        Assertions.assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId())
            .eventName(MicrocreditProcess.Messages.DOCUMENTS_SUBMITTED).count()).isEqualTo(1);
        MicrocreditApplication application = application(instance);
        Assertions.assertThat(application.getStatus()).isEqualTo(ApplicationStatus.DOCUMENTS_MISSING);
        Assertions.assertThat(bodyOf(application, Template.DOCUMENTS_MISSING)).contains("İkametgah belgesi");

        caseActions.documentsSubmitted(instance.getBusinessKey());

        assertThat(instance).isWaitingAt(Elements.CHECK_DOCUMENTS).hasPassed(Elements.DOCUMENTS_SUBMITTED);
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void shouldWithdrawTheApplicationWhenNoDocumentsArriveIn14Days() {
        ProcessInstance instance = start(2000);
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.DOCUMENTS_DECISION, "INCOMPLETE",
            Vars.MISSING_DOCUMENTS, "Vergi levhası"));

        Job deadline = jobOf(instance);
        Assertions.assertThat(deadline.getDuedate()).isAfterOrEqualTo(Date.from(Instant.now().plusSeconds(14L * 24 * 3600 - 60)));
        execute(deadline);

        assertThat(instance).isEnded().hasPassed(Elements.DOCUMENTS_DEADLINE, Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        Assertions.assertThat(templatesSentTo(application(instance))).contains("WITHDRAWN");
    }

    @Test
    void shouldLetTheApplicantWithdrawWhileUnderReviewButNotOnceApproved() {
        ProcessInstance instance = start(2000);
        passDocumentsAndBusinessPlan(instance);

        Assertions.assertThat(caseActions.withdrawByApplicant(instance.getBusinessKey())).isTrue();

        assertThat(instance).isEnded().hasPassed(Elements.WITHDRAWN_BY_APPLICANT, Elements.END_WITHDRAWN_BY_APPLICANT)
            .hasNotPassed(Elements.DISBURSE_LOAN);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        Assertions.assertThat(bodyOf(application(instance), Template.WITHDRAWN_BY_APPLICANT)).contains("İsteğiniz üzerine");

        ProcessInstance approved = start(2000);
        passDocumentsAndBusinessPlan(approved);
        committeeApproves(approved, "fatma.kaya", 2000);
        Assertions.assertThat(caseActions.withdrawByApplicant(approved.getBusinessKey())).isFalse();
        // even a message sent past the portal's check is refused by the process itself
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MicrocreditProcess.Messages.WITHDRAWN_BY_APPLICANT)
            .processInstanceBusinessKey(approved.getBusinessKey()).correlate())
            .hasRootCauseInstanceOf(ValidationFailedException.class);
        assertThat(approved).isWaitingAt(Elements.DISBURSE_LOAN);
    }

    // ---------------------------------------------------------------- disbursement

    @Test
    void shouldCreateExactlyOneLoanWhenTheDisbursementFailsAndIsRetried() {
        ProcessInstance instance = start(2000);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 2000);
        doThrow(new IllegalStateException("mail relay down")).doCallRealMethod()
            .when(notifications).notifyApplicant(anyLong(), eq(Template.DISBURSED), any(), any());

        Job disbursement = jobOf(instance);
        assertThatThrownBy(() -> managementService.executeJob(disbursement.getId())).hasMessageContaining("mail relay down");
        Long applicationId = application(instance).getId();
        Assertions.assertThat(loans.findByApplicationId(applicationId)).as("the failed attempt rolled back").isEmpty();
        Assertions.assertThat(jobOf(instance).getRetries()).isEqualTo(2);
        assertThat(instance).isWaitingAt(Elements.DISBURSE_LOAN);

        execute(jobOf(instance));

        Assertions.assertThat(loans.findAll().stream().filter(l -> l.getApplicationId().equals(applicationId))).hasSize(1);
        Long loanId = loans.findByApplicationId(applicationId).orElseThrow().getId();
        Assertions.assertThat(disbursements.findByLoanId(loanId)).isPresent();
        Assertions.assertThat(installments.findByLoanIdOrderBySequence(loanId)).hasSize(6);
        Assertions.assertThat(outbox.findByDedupKeyStartingWithOrderByIdAsc("microcredit:" + applicationId + ":DISBURSED:"))
            .extracting(OutboxMessage::getChannel).containsExactlyInAnyOrder(
                tr.bel.izmit.kadinaile.notification.Channel.SMS, tr.bel.izmit.kadinaile.notification.Channel.EMAIL);
        doCallRealMethod().when(notifications).notifyApplicant(anyLong(), any(), any(), any());
    }

    @Test
    void shouldRaiseAnIncidentAndKeepTheApplicationWhenTheDisbursementKeepsFailing() {
        ProcessInstance instance = start(2000);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 2000);
        doThrow(new IllegalStateException("bank unreachable"))
            .when(notifications).notifyApplicant(anyLong(), eq(Template.DISBURSED), any(), any());
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                String jobId = jobOf(instance).getId();
                assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("bank unreachable");
            }
        } finally {
            doCallRealMethod().when(notifications).notifyApplicant(anyLong(), any(), any(), any());
        }

        Assertions.assertThat(jobOf(instance).getRetries()).isZero();
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(instance).isActive().isWaitingAt(Elements.DISBURSE_LOAN);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        Assertions.assertThat(loans.findByApplicationId(application(instance).getId())).isEmpty();

        managementService.setJobRetries(jobOf(instance).getId(), 1);
        execute(jobOf(instance));
        assertThat(instance).hasPassed(Elements.DISBURSE_LOAN);
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    // ---------------------------------------------------------------- four eyes

    @Test
    void shouldStopTheCommitteeMemberFromApprovingHerOwnDecisionAsManager() {
        ProcessInstance instance = start(4000);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "zeynep.celik", 4000);
        Task approval = taskOf(instance);

        actAs("zeynep.celik", "microcredit-committee", "managers");
        assertThatThrownBy(() -> taskService.claim(approval.getId(), "zeynep.celik"))
            .hasRootCauseInstanceOf(ValidationFailedException.class)
            .hasMessageContaining("managerDecision").hasMessageContaining("Dört göz ilkesi");
        assertThatThrownBy(() -> taskService.complete(approval.getId(), withVariables(Vars.MANAGER_DECISION, "APPROVE")))
            .hasRootCauseInstanceOf(ValidationFailedException.class)
            .hasMessageContaining("Dört göz ilkesi");
        identityService.clearAuthentication();
        assertThat(instance).isWaitingAt(Elements.MANAGER_APPROVAL);
        Assertions.assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();

        actAs("hatice.sahin", "managers");
        taskService.complete(approval.getId(), withVariables(Vars.MANAGER_DECISION, "APPROVE"));
        identityService.clearAuthentication();
        assertThat(instance).isWaitingAt(Elements.DISBURSE_LOAN);
    }

    // ---------------------------------------------------------------- repayment

    @Test
    void shouldRemindAtTheDueDateAndOpenAFollowUpAfter30DaysOverdue() {
        ProcessInstance instance = start(1500);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 1500);
        execute(jobOf(instance));
        MicrocreditApplication application = application(instance);
        Loan loan = loans.findByApplicationId(application.getId()).orElseThrow();
        Installment first = installments.findByLoanIdAndSequence(loan.getId(), 1).orElseThrow();

        Job reminder = earliestJob(instance, Elements.INSTALLMENT_DUE);
        Assertions.assertThat(reminder.getDuedate().toInstant().atZone(tr.bel.izmit.kadinaile.common.ClockConfiguration.ISTANBUL)
            .toLocalDate()).isEqualTo(first.getDueDate());
        ClockUtil.setCurrentTime(reminder.getDuedate());
        execute(reminder);
        Assertions.assertThat(bodyOf(application, Template.INSTALLMENT_REMINDER, first.getId())).contains("1. taksitinizin (250,00 TL)");

        Job overdue = earliestJob(instance, Elements.OVERDUE_30_DAYS);
        Assertions.assertThat(overdue.getDuedate().toInstant().atZone(tr.bel.izmit.kadinaile.common.ClockConfiguration.ISTANBUL)
            .toLocalDate()).isEqualTo(first.getDueDate().plusDays(30));
        ClockUtil.setCurrentTime(overdue.getDuedate());
        execute(overdue);

        Task followUp = taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(Elements.OVERDUE_FOLLOW_UP).singleResult();
        assertThat(followUp).hasCandidateGroup("izgim-officers");
        Assertions.assertThat(taskService.getVariable(followUp.getId(), "installmentSequence")).isEqualTo(1);
        Assertions.assertThat(microcreditApplications.hasOverdueLoan(application.getTcKimlikNo()))
            .as("30 days after its due date the first installment is overdue").isTrue();

        taskService.complete(followUp.getId(), withVariables(Vars.FOLLOW_UP_OUTCOME, "PROMISED_TO_PAY",
            Vars.FOLLOW_UP_NOTE, "Hafta sonuna kadar ödeyeceğini söyledi."));
        Job again = earliestJob(instance, Elements.FOLLOW_UP_AGAIN);
        ClockUtil.setCurrentTime(again.getDuedate());
        execute(again);
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(Elements.OVERDUE_FOLLOW_UP).count()).as("30 days later the follow-up opens again").isEqualTo(1);
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId())
            .taskDefinitionKey(Elements.OVERDUE_FOLLOW_UP).singleResult().getId(),
            withVariables(Vars.FOLLOW_UP_OUTCOME, "UNREACHABLE", Vars.FOLLOW_UP_NOTE, "Telefonu kapalı."));
        Assertions.assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
            .activityId(Elements.FOLLOW_UP_AGAIN).count()).isEqualTo(1);

        caseActions.recordPayment(loan.getId(), 1, first.getAmount(), "emine.arslan");
        Assertions.assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
            .activityId(Elements.FOLLOW_UP_AGAIN).count()).isZero();
        Assertions.assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
            .activityId(Elements.INSTALLMENT_DUE).count()).as("the other five installments still wait").isEqualTo(5);
        assertThat(instance).isActive();
    }

    @Test
    void shouldRefuseASecondPaymentOfTheSameInstallment() {
        ProcessInstance instance = start(1500);
        passDocumentsAndBusinessPlan(instance);
        committeeApproves(instance, "fatma.kaya", 1500);
        execute(jobOf(instance));
        Loan loan = loans.findByApplicationId(application(instance).getId()).orElseThrow();

        caseActions.recordPayment(loan.getId(), 2, new BigDecimal("250.00"), "emine.arslan");
        assertThatThrownBy(() -> caseActions.recordPayment(loan.getId(), 2, new BigDecimal("250.00"), "emine.arslan"))
            .isInstanceOf(MicrocreditLoans.AlreadyPaidException.class);
        assertThatThrownBy(() -> caseActions.recordPayment(loan.getId(), 3, new BigDecimal("249.99"), "emine.arslan"))
            .isInstanceOf(ValidationFailedException.class).hasMessageContaining("amount");
        Assertions.assertThat(installments.findByLoanIdAndSequence(loan.getId(), 3).orElseThrow().isPaid()).isFalse();
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void shouldStartNothingWithAnInvalidTcKimlikNo() {
        assertStartRejected(Map.of("tcKimlikNo", "19000000089"), "tcKimlikNo");
    }

    @Test
    void shouldStartNothingWithAnInvalidIban() {
        assertStartRejected(Map.of("iban", "TR330006100519786457841327"), "iban");
    }

    @Test
    void shouldStartNothingWithAnAmountOutsideTheProgramme() {
        assertStartRejected(Map.of("requestedAmount", 1499L), "requestedAmount");
        assertStartRejected(Map.of("requestedAmount", 5001L), "requestedAmount");
    }

    @Test
    void shouldStartNothingWithoutKvkkConsent() {
        assertStartRejected(Map.of("kvkkConsent", false), "kvkkConsent");
    }

    @Test
    void shouldKeepTheCommitteeTaskOpenWhenTheApprovedAmountExceedsTheRequest() {
        ProcessInstance instance = start(2000);
        passDocumentsAndBusinessPlan(instance);
        Task committee = taskOf(instance);
        actAs("fatma.kaya", "microcredit-committee");

        assertThatThrownBy(() -> taskService.complete(committee.getId(),
            withVariables(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, 2500L)))
            .hasRootCauseInstanceOf(ValidationFailedException.class)
            .hasMessageContaining("approvedAmount").hasMessageContaining("aşamaz");
        identityService.clearAuthentication();

        assertThat(instance).isWaitingAt(Elements.COMMITTEE_DECISION);
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.APPROVED_AMOUNT)).isNull();
        Assertions.assertThat(application(instance).getApprovedAmount()).isNull();
    }

    @Test
    void shouldRequireTheMissingDocumentsWhenTheyAreIncomplete() {
        ProcessInstance instance = start(2000);
        assertThatThrownBy(() -> taskService.complete(taskOf(instance).getId(), withVariables(Vars.DOCUMENTS_DECISION, "INCOMPLETE")))
            .hasRootCauseInstanceOf(ValidationFailedException.class).hasMessageContaining("missingDocuments");
        assertThat(instance).isWaitingAt(Elements.CHECK_DOCUMENTS);
    }

    @Test
    void shouldRefuseASecondCompletionOfAFinishedTask() {
        ProcessInstance instance = start(2000);
        String taskId = taskOf(instance).getId();
        taskService.complete(taskId, withVariables(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        assertThat(instance).isWaitingAt(Elements.ASSESS_BUSINESS_PLAN);

        assertThatThrownBy(() -> taskService.complete(taskId, withVariables(Vars.DOCUMENTS_DECISION, "INCOMPLETE",
            Vars.MISSING_DOCUMENTS, "Nüfus cüzdanı")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining(taskId);
        assertThat(instance).isWaitingAt(Elements.ASSESS_BUSINESS_PLAN);
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.DOCUMENTS_DECISION)).isEqualTo("COMPLETE");
    }

    // ---------------------------------------------------------------- privacy of the process

    @Test
    void shouldKeepIdentityNumberPhoneAndIbanOutOfTheProcessAndItsHistory() {
        ProcessInstance instance = start(2000);
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        Assertions.assertThat(variables).doesNotContainKeys("tcKimlikNo", "phone", "email", "iban", "kvkkConsent")
            .containsKeys("applicationId", "trackingCode", "requestedAmount");
        Assertions.assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableNameIn("tcKimlikNo", "phone", "email", "iban", "kvkkConsent").count()).isZero();
        Assertions.assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
            .extracting(detail -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
            .doesNotContain("tcKimlikNo", "phone", "email", "iban");
        Assertions.assertThat(application(instance).getTcKimlikNo()).hasSize(11);
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
            .getBusinessKey()).matches("MK-[0-9A-Z]{4}-[0-9A-Z]{4}");
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(long amount) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY,
            MicrocreditTestData.startForm(amount));
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void passDocumentsAndBusinessPlan(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(Elements.CHECK_DOCUMENTS);
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        assertThat(instance).isWaitingAt(Elements.ASSESS_BUSINESS_PLAN);
        assertThat(taskOf(instance)).hasCandidateGroup("entrepreneurship-mentors");
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.BUSINESS_PLAN_SCORE, 4L,
            Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan; müşteri kitlesi belli."));
        assertThat(instance).isWaitingAt(Elements.COMMITTEE_DECISION);
        assertThat(taskOf(instance)).hasCandidateGroup("microcredit-committee");
    }

    private void committeeApproves(ProcessInstance instance, String member, long amount) {
        actAs(member, "microcredit-committee");
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.COMMITTEE_DECISION, "APPROVE", Vars.APPROVED_AMOUNT, amount));
        identityService.clearAuthentication();
        Assertions.assertThat(runtimeService.getVariable(instance.getId(), Vars.COMMITTEE_DECIDED_BY)).isEqualTo(member);
    }

    private Task taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job jobOf(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void actAs(String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
    }

    private MicrocreditApplication application(ProcessInstance instance) {
        Long id = (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName(Vars.APPLICATION_ID).singleResult().getValue();
        return applications.findById(id).orElseThrow();
    }

    private Job earliestJob(ProcessInstance instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
            .orderByJobDuedate().asc().listPage(0, 1).get(0);
    }

    private List<String> templatesSentTo(MicrocreditApplication application) {
        return outbox.findByDedupKeyStartingWithOrderByIdAsc("microcredit:" + application.getId() + ":").stream()
            .map(m -> m.getDedupKey().split(":")[2])
            .toList();
    }

    private String bodyOf(MicrocreditApplication application, Template template) {
        return outbox.findByDedupKeyStartingWithOrderByIdAsc("microcredit:" + application.getId() + ":" + template + ":")
            .get(0).getBody();
    }

    private String bodyOf(MicrocreditApplication application, Template template, Long installmentId) {
        return outbox.findByDedupKeyStartingWithOrderByIdAsc(
            "microcredit:" + application.getId() + ":" + template + ":" + installmentId + ":").get(0).getBody();
    }

    private void assertStartRejected(Map<String, Object> overrides, String field) {
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(MicrocreditProcess.KEY).count();
        long applicationsBefore = applications.count();
        Map<String, Object> form = MicrocreditTestData.startForm(2000);
        form.putAll(overrides);

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, form))
            .isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors())
                .extracting(tr.bel.izmit.kadinaile.common.FieldError::field).contains(field));
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MicrocreditProcess.KEY).count())
            .isEqualTo(instancesBefore);
        Assertions.assertThat(applications.count()).isEqualTo(applicationsBefore);
    }

    @SuppressWarnings("unused")
    private static LocalDate today() {
        return LocalDate.now(tr.bel.izmit.kadinaile.common.ClockConfiguration.ISTANBUL);
    }
}
