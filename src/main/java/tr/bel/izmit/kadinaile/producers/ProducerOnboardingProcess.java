package tr.bel.izmit.kadinaile.producers;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The contract of the process {@code producer-onboarding} (İzmit Çarşısı Üretici Başvurusu): its key, element
 * ids, messages and variable names. Form field keys equal these variable names.
 */
public final class ProducerOnboardingProcess {

    public static final String KEY = "producer-onboarding";
    public static final String TRACKING_PREFIX = "UR";

    /** Forms (file {@code forms/<id>.form}). */
    public static final class Forms {
        public static final String START = "producer-onboarding-start";
        public static final String REVIEW = "producer-onboarding-review";
        public static final String FOOD_SAFETY = "producer-onboarding-food-safety";
        public static final String ORIENTATION = "producer-onboarding-orientation";

        private Forms() {
        }
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_ApplicationReceived";
        public static final String SPLIT_CHECKS = "Gateway_SplitChecks";
        public static final String REVIEW = "Task_ReviewApplication";
        public static final String GATEWAY_REVIEW = "Gateway_ReviewDecision";
        public static final String NOTIFY_INFO_REQUESTED = "Task_NotifyInfoRequested";
        public static final String WAIT_FOR_INFO = "Gateway_WaitForInfo";
        public static final String INFO_PROVIDED = "Event_InfoProvided";
        public static final String INFO_DEADLINE = "Event_InfoDeadline";
        public static final String NOTIFY_WITHDRAWN = "Task_NotifyWithdrawn";
        public static final String END_WITHDRAWN = "EndEvent_ApplicationWithdrawn";
        public static final String NOTIFY_REJECTED = "Task_NotifyRejected";
        public static final String END_REJECTED = "EndEvent_ApplicationRejected";
        public static final String FOOD_SAFETY = "Task_FoodSafetyCheck";
        public static final String GATEWAY_FOOD_SAFETY = "Gateway_FoodSafetyPassed";
        public static final String NOTIFY_FOOD_SAFETY_FAILED = "Task_NotifyFoodSafetyFailed";
        public static final String END_FOOD_SAFETY_FAILED = "EndEvent_FoodSafetyFailed";
        public static final String JOIN_CHECKS = "Gateway_JoinChecks";
        public static final String INVITE_TO_ORIENTATION = "Task_InviteToOrientation";
        public static final String RECORD_ORIENTATION = "Task_RecordOrientation";
        public static final String GATEWAY_ATTENDED = "Gateway_OrientationAttended";
        public static final String GATEWAY_SHOP_NEEDED = "Gateway_ShopNeeded";
        public static final String OPEN_SHOP = "Task_OpenShop";
        public static final String NOTIFY_VERIFIED = "Task_NotifyVerified";
        public static final String END_VERIFIED = "EndEvent_ProducerVerified";

        private Elements() {
        }
    }

    /** Message names. */
    public static final class Messages {
        public static final String INFO_PROVIDED = "ProducerInfoProvided";

        private Messages() {
        }
    }

    /** Process variable names (and form field keys). */
    public static final class Vars {
        // start form
        public static final String APPLICANT_TYPE = "applicantType";
        public static final String CONTACT_NAME = "contactName";
        public static final String TC_KIMLIK_NO = "tcKimlikNo";
        public static final String COOPERATIVE_NAME = "cooperativeName";
        public static final String TAX_NUMBER = "taxNumber";
        public static final String PHONE = "phone";
        public static final String EMAIL = "email";
        public static final String DISTRICT = "district";
        public static final String NEIGHBOURHOOD = "neighbourhood";
        public static final String PRODUCT_CATEGORIES = "productCategories";
        public static final String PRODUCTION_PLACE = "productionPlace";
        public static final String SALES_CHANNEL = "salesChannel";
        public static final String FOOD_REGISTRATION_NO = "foodRegistrationNo";
        public static final String WOMENS_COOPERATIVE = "womensCooperative";
        public static final String KVKK_CONSENT = "kvkkConsent";
        // set by the engine side
        public static final String PRODUCER_ID = "producerId";
        public static final String TRACKING_CODE = "trackingCode";
        /** The cooperative's or the person's name, for the task forms: runtime only, never in history. */
        public static final String PRODUCER_NAME = "producerName";
        public static final String SELLS_FOOD = "sellsFood";
        public static final String SHOP_NEEDED = "shopNeeded";
        public static final String MEETING_DATE = "meetingDate";
        public static final String SHOP_ID = "shopId";
        // staff decisions
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String INFO_REQUEST = "infoRequest";
        public static final String REJECTION_REASON = "rejectionReason";
        public static final String FOOD_SAFETY_DECISION = "foodSafetyDecision";
        public static final String FOOD_SAFETY_NOTE = "foodSafetyNote";
        public static final String ORIENTATION_ATTENDANCE = "orientationAttendance";

        /** Personal data that arrives with the start form and leaves the process for our table at once. */
        public static final Set<String> PERSONAL_DATA = Set.of(CONTACT_NAME, TC_KIMLIK_NO, TAX_NUMBER, PHONE, EMAIL,
            KVKK_CONSENT, PRODUCTION_PLACE);

        /** Never written to the engine's history: the personal data above and the producer's name. */
        public static final Set<String> KEPT_OUT_OF_HISTORY = Set.of(CONTACT_NAME, TC_KIMLIK_NO, TAX_NUMBER, PHONE, EMAIL,
            KVKK_CONSENT, PRODUCTION_PLACE, PRODUCER_NAME);

        private Vars() {
        }
    }

    /**
     * The variables the engine side reads and writes, with their types (camunda-bpm-data variable factories): read
     * with {@code Typed.X.from(execution).get()} (or {@code getOrNull()}, {@code getOrDefault(…)}), write with
     * {@code Typed.X.on(execution).set(value)}. A value of another type fails at the reader with a
     * {@code WrongVariableTypeException} that names the variable, not as a {@code ClassCastException} further on.
     * Not here: the start form's fields, which {@link Producers#register} parses and validates as a whole and
     * which leave the process at once, and {@code productCategories} (a Spin JSON value for the forms).
     */
    public static final class Typed {
        public static final VariableFactory<Long> PRODUCER_ID = longVariable(Vars.PRODUCER_ID);
        public static final VariableFactory<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final VariableFactory<String> PRODUCER_NAME = stringVariable(Vars.PRODUCER_NAME);
        public static final VariableFactory<Boolean> SELLS_FOOD = booleanVariable(Vars.SELLS_FOOD);
        public static final VariableFactory<Boolean> SHOP_NEEDED = booleanVariable(Vars.SHOP_NEEDED);
        public static final VariableFactory<String> MEETING_DATE = stringVariable(Vars.MEETING_DATE);
        public static final VariableFactory<String> SHOP_ID = stringVariable(Vars.SHOP_ID);
        public static final VariableFactory<String> REVIEW_DECISION = stringVariable(Vars.REVIEW_DECISION);
        public static final VariableFactory<String> INFO_REQUEST = stringVariable(Vars.INFO_REQUEST);
        public static final VariableFactory<String> REJECTION_REASON = stringVariable(Vars.REJECTION_REASON);
        public static final VariableFactory<String> FOOD_SAFETY_DECISION = stringVariable(Vars.FOOD_SAFETY_DECISION);
        public static final VariableFactory<String> FOOD_SAFETY_NOTE = stringVariable(Vars.FOOD_SAFETY_NOTE);
        public static final VariableFactory<String> ORIENTATION_ATTENDANCE = stringVariable(Vars.ORIENTATION_ATTENDANCE);

        private Typed() {
        }
    }

    /** Values of the choice fields. */
    public static final class Decisions {
        public static final String PERSON = "PERSON";
        public static final String COOPERATIVE = "COOPERATIVE";
        public static final String FOOD = "FOOD";
        public static final String APPROVE = "APPROVE";
        public static final String MORE_INFO = "MORE_INFO";
        public static final String REJECT = "REJECT";
        public static final String PASS = "PASS";
        public static final String FAIL = "FAIL";
        public static final String ATTENDED = "ATTENDED";
        public static final String ABSENT = "ABSENT";
        public static final String ONLINE_SHOP = "ONLINE_SHOP";
        public static final String STANDS = "STANDS";
        public static final String BOTH = "BOTH";

        private Decisions() {
        }
    }

    private ProducerOnboardingProcess() {
    }
}
