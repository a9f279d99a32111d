package tr.bel.izmit.kadinaile.microcredit;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The contract of the process {@code microcredit-application}: its key, element ids, messages and variable
 * names. Form field keys equal these variable names.
 */
public final class MicrocreditProcess {

    public static final String KEY = "microcredit-application";
    public static final String DECISION_ELIGIBILITY = "microcredit-eligibility";

    /** Forms (file {@code forms/<id>.form}). */
    public static final class Forms {
        public static final String START = "microcredit-application-start";
        public static final String CHECK_DOCUMENTS = "microcredit-application-check-documents";
        public static final String ASSESS_BUSINESS_PLAN = "microcredit-application-assess-business-plan";
        public static final String COMMITTEE_DECISION = "microcredit-application-committee-decision";
        public static final String MANAGER_APPROVAL = "microcredit-application-manager-approval";
        public static final String OVERDUE_FOLLOW_UP = "microcredit-application-overdue-follow-up";

        private Forms() {
        }
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_ApplicationReceived";
        public static final String CHECK_ELIGIBILITY = "Task_CheckEligibility";
        public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
        public static final String NOTIFY_INELIGIBLE = "Task_NotifyIneligible";
        public static final String END_INELIGIBLE = "EndEvent_ApplicationIneligible";
        public static final String CHECK_DOCUMENTS = "Task_CheckDocuments";
        public static final String GATEWAY_DOCUMENTS_COMPLETE = "Gateway_DocumentsComplete";
        public static final String NOTIFY_DOCUMENTS_MISSING = "Task_NotifyDocumentsMissing";
        public static final String GATEWAY_WAIT_FOR_DOCUMENTS = "Gateway_WaitForDocuments";
        public static final String DOCUMENTS_SUBMITTED = "Event_DocumentsSubmitted";
        public static final String DOCUMENTS_DEADLINE = "Event_DocumentsDeadline";
        public static final String NOTIFY_WITHDRAWN = "Task_NotifyWithdrawn";
        public static final String END_WITHDRAWN = "EndEvent_ApplicationWithdrawn";
        public static final String ASSESS_BUSINESS_PLAN = "Task_AssessBusinessPlan";
        public static final String COMMITTEE_DECISION = "Task_CommitteeDecision";
        public static final String GATEWAY_COMMITTEE_APPROVED = "Gateway_CommitteeApproved";
        public static final String GATEWAY_MANAGER_APPROVAL_REQUIRED = "Gateway_ManagerApprovalRequired";
        public static final String MANAGER_APPROVAL = "Task_ManagerApproval";
        public static final String GATEWAY_MANAGER_APPROVED = "Gateway_ManagerApproved";
        public static final String NOTIFY_REJECTED = "Task_NotifyRejected";
        public static final String END_REJECTED = "EndEvent_ApplicationRejected";
        public static final String DISBURSE_LOAN = "Task_DisburseLoan";
        public static final String REPAYMENT = "SubProcess_InstallmentRepayment";
        public static final String INSTALLMENT_OPEN = "SubProcess_InstallmentOpen";
        public static final String INSTALLMENT_PAID = "Event_InstallmentPaid";
        public static final String INSTALLMENT_DUE = "Event_InstallmentDue";
        public static final String SEND_REMINDER = "Task_SendInstallmentReminder";
        public static final String OVERDUE_30_DAYS = "Event_InstallmentOverdue30Days";
        public static final String OVERDUE_FOLLOW_UP = "Task_OverdueInstallmentFollowUp";
        public static final String FOLLOW_UP_AGAIN = "Event_FollowUpAgain";
        public static final String CLOSE_LOAN = "Task_CloseLoan";
        public static final String END_LOAN_REPAID = "EndEvent_LoanRepaid";
        public static final String WITHDRAWN_BY_APPLICANT = "StartEvent_WithdrawnByApplicant";
        public static final String END_WITHDRAWN_BY_APPLICANT = "EndEvent_WithdrawnByApplicant";

        /** While the case waits at one of these, the applicant may still withdraw it (before any money moves). */
        public static final java.util.Set<String> WITHDRAWABLE_AT = java.util.Set.of(CHECK_DOCUMENTS, GATEWAY_WAIT_FOR_DOCUMENTS,
            ASSESS_BUSINESS_PLAN, COMMITTEE_DECISION, MANAGER_APPROVAL);

        private Elements() {
        }
    }

    /** Message names. */
    public static final class Messages {
        public static final String DOCUMENTS_SUBMITTED = "MicrocreditDocumentsSubmitted";
        public static final String INSTALLMENT_PAID = "MicrocreditInstallmentPaid";
        public static final String WITHDRAWN_BY_APPLICANT = "MicrocreditWithdrawnByApplicant";

        private Messages() {
        }
    }

    /** Process variable names (and form field keys). */
    public static final class Vars {
        // start form
        public static final String FULL_NAME = "fullName";
        public static final String TC_KIMLIK_NO = "tcKimlikNo";
        public static final String PHONE = "phone";
        public static final String EMAIL = "email";
        public static final String DISTRICT = "district";
        public static final String NEIGHBOURHOOD = "neighbourhood";
        public static final String IZGIM_MEMBER = "izgimMember";
        public static final String MEMBER_SINCE = "memberSince";
        public static final String SECTOR = "sector";
        public static final String BUSINESS_SUMMARY = "businessSummary";
        public static final String REQUESTED_AMOUNT = "requestedAmount";
        public static final String TERM_MONTHS = "termMonths";
        public static final String IBAN = "iban";
        public static final String KVKK_CONSENT = "kvkkConsent";
        // set by the engine side
        public static final String APPLICATION_ID = "applicationId";
        public static final String TRACKING_CODE = "trackingCode";
        public static final String HAS_OPEN_LOAN = "hasOpenLoan";
        public static final String HAS_OVERDUE_LOAN = "hasOverdueLoan";
        public static final String ELIGIBILITY = "eligibility";
        public static final String ELIGIBLE = "eligible";
        public static final String REASON_CODE = "reasonCode";
        public static final String MANAGER_APPROVAL_REQUIRED = "managerApprovalRequired";
        // staff decisions
        public static final String DOCUMENTS_DECISION = "documentsDecision";
        public static final String MISSING_DOCUMENTS = "missingDocuments";
        public static final String BUSINESS_PLAN_SCORE = "businessPlanScore";
        public static final String BUSINESS_PLAN_COMMENT = "businessPlanComment";
        public static final String COMMITTEE_DECISION = "committeeDecision";
        public static final String APPROVED_AMOUNT = "approvedAmount";
        public static final String COMMITTEE_REJECTION_REASON = "committeeRejectionReason";
        public static final String COMMITTEE_DECIDED_BY = "committeeDecidedBy";
        public static final String MANAGER_DECISION = "managerDecision";
        public static final String MANAGER_REJECTION_REASON = "managerRejectionReason";
        public static final String FOLLOW_UP_NOTE = "followUpNote";
        public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
        // repayment
        public static final String LOAN_ID = "loanId";
        public static final String INSTALLMENT_IDS = "installmentIds";
        public static final String INSTALLMENT_ID = "installmentId";

        /**
         * Personal data that may arrive with the start form but never stays in the process: it is moved
         * into our own table, removed from the process and kept out of the engine's history.
         */
        public static final Set<String> PERSONAL_DATA = Set.of(TC_KIMLIK_NO, PHONE, EMAIL, IBAN, KVKK_CONSENT, MEMBER_SINCE);

        /**
         * Never written to the engine's history: the personal data above, and what stays in the running process
         * only for the caseworkers' forms (the applicant's name and neighbourhood, her own words about her business).
         */
        public static final Set<String> KEPT_OUT_OF_HISTORY = Set.of(TC_KIMLIK_NO, PHONE, EMAIL, IBAN, KVKK_CONSENT,
            MEMBER_SINCE, FULL_NAME, NEIGHBOURHOOD, BUSINESS_SUMMARY);

        private Vars() {
        }
    }

    /**
     * The variables the engine side reads and writes, with their types (camunda-bpm-data variable factories): read
     * with {@code Typed.X.from(execution).get()} (or {@code getOrNull()}, {@code getOrDefault(…)}), write with
     * {@code Typed.X.on(execution).set(value)}. A value of another type fails at the reader with a
     * {@code WrongVariableTypeException} that names the variable, not as a {@code ClassCastException} further on.
     * Not here: the start form's fields, which {@link MicrocreditApplications#register} parses and validates as a
     * whole and which leave the process at once; {@code approvedAmount} as the committee submits it (text or number,
     * read by {@link MicrocreditApplications#amount}; {@link CommitteeDecisionListener} writes it back as a whole
     * number of liras, the type declared here); the list {@code installmentIds} (a JSON object value the repayment
     * sub-process iterates over). Numbers a form sends may arrive as Long, Integer or Double: they are read as
     * {@link Number} and never written through that factory.
     */
    public static final class Typed {
        public static final VariableFactory<Long> APPLICATION_ID = longVariable(Vars.APPLICATION_ID);
        public static final VariableFactory<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final VariableFactory<Long> REQUESTED_AMOUNT = longVariable(Vars.REQUESTED_AMOUNT);
        public static final VariableFactory<Integer> TERM_MONTHS = intVariable(Vars.TERM_MONTHS);
        public static final VariableFactory<String> DISTRICT = stringVariable(Vars.DISTRICT);
        public static final VariableFactory<Boolean> HAS_OPEN_LOAN = booleanVariable(Vars.HAS_OPEN_LOAN);
        public static final VariableFactory<Boolean> HAS_OVERDUE_LOAN = booleanVariable(Vars.HAS_OVERDUE_LOAN);
        public static final VariableFactory<Boolean> ELIGIBLE = booleanVariable(Vars.ELIGIBLE);
        public static final VariableFactory<String> REASON_CODE = stringVariable(Vars.REASON_CODE);
        public static final VariableFactory<String> DOCUMENTS_DECISION = stringVariable(Vars.DOCUMENTS_DECISION);
        public static final VariableFactory<String> MISSING_DOCUMENTS = stringVariable(Vars.MISSING_DOCUMENTS);
        public static final VariableFactory<Number> BUSINESS_PLAN_SCORE = customVariable(Vars.BUSINESS_PLAN_SCORE, Number.class);
        public static final VariableFactory<String> COMMITTEE_DECISION = stringVariable(Vars.COMMITTEE_DECISION);
        public static final VariableFactory<Long> APPROVED_AMOUNT = longVariable(Vars.APPROVED_AMOUNT);
        public static final VariableFactory<String> COMMITTEE_REJECTION_REASON = stringVariable(Vars.COMMITTEE_REJECTION_REASON);
        public static final VariableFactory<String> COMMITTEE_DECIDED_BY = stringVariable(Vars.COMMITTEE_DECIDED_BY);
        public static final VariableFactory<String> MANAGER_DECISION = stringVariable(Vars.MANAGER_DECISION);
        public static final VariableFactory<String> MANAGER_REJECTION_REASON = stringVariable(Vars.MANAGER_REJECTION_REASON);
        public static final VariableFactory<String> FOLLOW_UP_OUTCOME = stringVariable(Vars.FOLLOW_UP_OUTCOME);
        public static final VariableFactory<Long> LOAN_ID = longVariable(Vars.LOAN_ID);
        public static final VariableFactory<Long> INSTALLMENT_ID = longVariable(Vars.INSTALLMENT_ID);

        private Typed() {
        }
    }

    /** Values of the decision fields. */
    public static final class Decisions {
        public static final String COMPLETE = "COMPLETE";
        public static final String INCOMPLETE = "INCOMPLETE";
        public static final String APPROVE = "APPROVE";
        public static final String REJECT = "REJECT";

        private Decisions() {
        }
    }

    private MicrocreditProcess() {
    }
}
