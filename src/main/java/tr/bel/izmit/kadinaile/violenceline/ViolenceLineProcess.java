package tr.bel.izmit.kadinaile.violenceline;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;
import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The contract of the process {@code violence-line-referral}: key, element ids, messages and variable
 * names. The process carries a case id, routing data and decisions only; everything that identifies a
 * woman or describes the incident lives encrypted in our own table ({@link ViolenceCaseStore}).
 */
public final class ViolenceLineProcess {

    public static final String KEY = "violence-line-referral";
    public static final String DECISION_RISK_LEVEL = "violence-risk-level";

    /** Forms (file {@code forms/<id>.form}). */
    public static final class Forms {
        public static final String INTAKE = "violence-line-referral-intake";
        public static final String EMERGENCY = "violence-line-referral-emergency";
        public static final String EMERGENCY_ESCALATION = "violence-line-referral-emergency-escalation";
        public static final String MAKE_REFERRAL = "violence-line-referral-make-referral";
        public static final String RECORD_ANSWER = "violence-line-referral-record-answer";
        public static final String SLA_ESCALATION = "violence-line-referral-sla-escalation";
        public static final String SAFETY_PLAN = "violence-line-referral-safety-plan";
        public static final String APPROVE_SAFETY_PLAN = "violence-line-referral-approve-safety-plan";
        public static final String FOLLOW_UP_CALL = "violence-line-referral-follow-up-call";
        public static final String REASSESS_RISK = "violence-line-referral-reassess-risk";
        public static final String UNREACHABLE_REVIEW = "violence-line-referral-unreachable-review";
        public static final String CLOSE_CASE = "violence-line-referral-close-case";
        public static final String APPROVE_CLOSURE = "violence-line-referral-approve-closure";
        /** The operators' call-back after a warm referral from another service ({@link SafetyReferralIntake}). */
        public static final String SAFETY_REFERRAL = "violence-line-referral-safety-referral";

        private Forms() {
        }
    }

    /** Messages. */
    public static final class Messages {
        /** The receiving institution's answer to one referral, correlated by the referral id. */
        public static final String REFERRAL_ANSWERED = "ReferralAnswered";
        /** A warm referral from another service starts an intake call-back for the operators. */
        public static final String SAFETY_REFERRAL_RECEIVED = "SafetyReferralReceived";

        private Messages() {
        }
    }

    /** Process variable names (and form field keys). */
    public static final class Vars {
        // intake: personal data, moved into the encrypted case store at once
        public static final String VICTIM_NAME = "victimName";
        public static final String SAFE_PHONE = "safePhone";
        public static final String SAFE_CALL_TIMES = "safeCallTimes";
        public static final String NEIGHBOURHOOD = "neighbourhood";
        public static final String INCIDENT_NOTES = "incidentNotes";
        // intake: routing data and risk factors, kept in the process
        public static final String CALLER_ANONYMOUS = "callerAnonymous";
        public static final String DO_NOT_CALL = "doNotCall";
        public static final String DISTRICT = "district";
        public static final String VIOLENCE_TYPES = "violenceTypes";
        public static final String IMMEDIATE_DANGER = "immediateDanger";
        public static final String WEAPON_OR_THREAT = "weaponOrThreatToKill";
        public static final String CHILDREN_AT_RISK = "childrenAtRisk";
        public static final String PREGNANT = "pregnant";
        public static final String PERPETRATOR_RELATION = "perpetratorRelation";
        public static final String EARLIER_INCIDENTS = "earlierIncidents";
        public static final String PROTECTION_ORDER = "protectionOrder";
        public static final String CONSENTED_REFERRALS = "consentedReferrals";
        // set by the engine side
        public static final String CASE_ID = "caseId";
        public static final String CASE_CODE = "caseCode";
        public static final String RISK_LEVEL = "riskLevel";
        public static final String RECOMMENDED_REFERRALS = "recommendedReferrals";
        public static final String REFERRAL_IDS = "referralIds";
        public static final String REFERRAL_ID = "referralId";
        public static final String REFERRAL_TYPE = "referralType";
        public static final String SLA_DURATION = "slaDuration";
        public static final String NEXT_FOLLOW_UP_AT = "nextFollowUpAt";
        public static final String UNREACHABLE_COUNT = "unreachableCount";
        // staff decisions (no free text: notes go to the encrypted store)
        public static final String REFERRAL_ANSWER = "referralAnswer";
        public static final String REFERRAL_REJECTION_REASON = "referralRejectionReason";
        public static final String SAFETY_PLAN_DECISION = "safetyPlanDecision";
        public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
        public static final String UNREACHABLE_DECISION = "unreachableDecision";
        public static final String CLOSURE_OUTCOME = "closureOutcome";
        public static final String CLOSURE_DECISION = "closureDecision";
        // free-text notes of staff: moved into the encrypted store on completion
        public static final String STAFF_NOTE = "staffNote";
        public static final String SAFETY_PLAN_TEXT = "safetyPlanText";
        // a warm referral from another service: whom to call back, nothing of the woman
        public static final String REFERRING_SERVICE = "referringService";
        public static final String REFERRING_USER_ID = "referringUserId";
        public static final String SAFETY_REFERRAL_URGENT = "safetyReferralUrgent";
        public static final String SAFETY_REFERRAL_PRIORITY = "safetyReferralPriority";
        public static final String CALL_BACK_DONE = "callBackDone";

        /** Never kept in the process nor in its history. */
        public static final Set<String> PERSONAL_DATA = Set.of(VICTIM_NAME, SAFE_PHONE, SAFE_CALL_TIMES, NEIGHBOURHOOD,
            INCIDENT_NOTES, STAFF_NOTE, SAFETY_PLAN_TEXT);

        private Vars() {
        }
    }

    /**
     * The variables the engine side reads and writes, with their types (camunda-bpm-data variable factories): read
     * with {@code Typed.X.from(execution).get()} (or {@code getOrNull()}, {@code getOrDefault(…)}), write with
     * {@code Typed.X.on(execution).set(value)}. A value of another type fails at the reader with a
     * {@code WrongVariableTypeException} that names the variable, not as a {@code ClassCastException} further on.
     * Not here: the intake's personal data (it never stays in the process) and the form inputs whose shape
     * varies: checkboxes may be absent or arrive as text and checklists as lists or Spin JSON arrays, so the risk flags,
     * {@code violenceTypes} and the referral lists are read by {@link ViolenceLineValues}. {@code doNotCall} is such a
     * checkbox until the intake listener writes it back as the boolean declared here.
     */
    public static final class Typed {
        public static final VariableFactory<Long> CASE_ID = longVariable(Vars.CASE_ID);
        public static final VariableFactory<String> CASE_CODE = stringVariable(Vars.CASE_CODE);
        public static final VariableFactory<String> DISTRICT = stringVariable(Vars.DISTRICT);
        public static final VariableFactory<Boolean> DO_NOT_CALL = booleanVariable(Vars.DO_NOT_CALL);
        public static final VariableFactory<String> RISK_LEVEL = stringVariable(Vars.RISK_LEVEL);
        public static final VariableFactory<Long> REFERRAL_ID = longVariable(Vars.REFERRAL_ID);
        public static final VariableFactory<String> REFERRAL_TYPE = stringVariable(Vars.REFERRAL_TYPE);
        public static final VariableFactory<String> SLA_DURATION = stringVariable(Vars.SLA_DURATION);
        public static final VariableFactory<Date> NEXT_FOLLOW_UP_AT = dateVariable(Vars.NEXT_FOLLOW_UP_AT);
        public static final VariableFactory<Integer> UNREACHABLE_COUNT = intVariable(Vars.UNREACHABLE_COUNT);
        public static final VariableFactory<String> REFERRAL_ANSWER = stringVariable(Vars.REFERRAL_ANSWER);
        public static final VariableFactory<String> REFERRAL_REJECTION_REASON = stringVariable(Vars.REFERRAL_REJECTION_REASON);
        public static final VariableFactory<String> SAFETY_PLAN_DECISION = stringVariable(Vars.SAFETY_PLAN_DECISION);
        public static final VariableFactory<String> FOLLOW_UP_OUTCOME = stringVariable(Vars.FOLLOW_UP_OUTCOME);
        public static final VariableFactory<String> UNREACHABLE_DECISION = stringVariable(Vars.UNREACHABLE_DECISION);
        public static final VariableFactory<String> CLOSURE_OUTCOME = stringVariable(Vars.CLOSURE_OUTCOME);
        public static final VariableFactory<String> CLOSURE_DECISION = stringVariable(Vars.CLOSURE_DECISION);

        private Typed() {
        }
    }

    private ViolenceLineProcess() {
    }
}
