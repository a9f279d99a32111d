package tr.bel.izmit.kadinaile.violenceline;

import java.util.Set;

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

        private Forms() {
        }
    }

    /** Messages. */
    public static final class Messages {
        /** The receiving institution's answer to one referral, correlated by the referral id. */
        public static final String REFERRAL_ANSWERED = "ReferralAnswered";

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

        /** Never kept in the process nor in its history. */
        public static final Set<String> PERSONAL_DATA = Set.of(VICTIM_NAME, SAFE_PHONE, SAFE_CALL_TIMES, NEIGHBOURHOOD,
            INCIDENT_NOTES, STAFF_NOTE, SAFETY_PLAN_TEXT);

        private Vars() {
        }
    }

    private ViolenceLineProcess() {
    }
}
