package tr.bel.izmit.kadinaile.izgim;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The contract of the process {@code izgim-counselling}: its key, forms, element ids, messages and variable names.
 * Form field keys equal these variable names. The process carries the case key (its business key, the tracking code:
 * opaque), the service, routing data and decisions only; the client's contact, her reason, the child's age and the
 * session notes live encrypted in our own tables ({@link CounsellingCases}).
 */
public final class CounsellingProcess {

    public static final String KEY = "izgim-counselling";
    public static final String TRACKING_PREFIX = "DN";

    /** Forms (file {@code forms/<id>.form}). */
    public static final class Forms {
        public static final String START = "izgim-counselling-start";
        public static final String INTAKE = "izgim-counselling-intake";
        public static final String EMERGENCY_GUIDANCE = "izgim-counselling-emergency-guidance";
        public static final String PLAN_SERIES = "izgim-counselling-plan-series";
        public static final String CONFIRM_NO_SHOWS = "izgim-counselling-confirm-no-shows";
        public static final String CLOSE_CASE = "izgim-counselling-close-case";

        private Forms() {
        }
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_RequestReceived";
        public static final String INTAKE = "Task_Intake";
        public static final String GATEWAY_INTAKE_DECISION = "Gateway_IntakeDecision";
        public static final String NOTIFY_REFERRED_OUT = "Task_NotifyReferredOut";
        public static final String END_REFERRED_OUT = "EndEvent_ReferredOut";
        public static final String FORK_VIOLENCE_LINE = "Gateway_ViolenceLineFork";
        public static final String WARM_REFERRAL = "Task_WarmReferral";
        public static final String GATEWAY_URGENT_RISK = "Gateway_UrgentRisk";
        public static final String EMERGENCY_GUIDANCE = "Task_EmergencyGuidance";
        public static final String GATEWAY_GUIDANCE_DONE = "Gateway_GuidanceDone";
        public static final String JOIN_VIOLENCE_LINE = "Gateway_ViolenceLineJoin";
        public static final String END_REFERRED_TO_VIOLENCE_LINE = "EndEvent_ReferredToViolenceLine";
        public static final String NOTIFY_ASSIGNED = "Task_NotifyAssigned";
        public static final String GATEWAY_PLAN = "Gateway_PlanSeries";
        public static final String PLAN_SERIES = "Task_PlanSeries";
        public static final String GATEWAY_BOOK = "Gateway_BookSeries";
        public static final String BOOK_SERIES = "Task_BookSeries";
        public static final String CALENDAR_FULL = "Event_CalendarFull";
        public static final String RETRY_BOOKING = "Event_RetryBooking";
        public static final String NOTIFY_SERIES_BOOKED = "Task_NotifySeriesBooked";
        public static final String GATEWAY_SERIES_RUNNING = "Gateway_SeriesRunning";
        public static final String SERIES_FINISHED = "Event_SeriesFinished";
        public static final String TWO_NO_SHOWS = "Event_TwoNoShows";
        public static final String CONFIRM_NO_SHOWS = "Task_ConfirmNoShows";
        public static final String GATEWAY_NO_SHOW_DECISION = "Gateway_NoShowDecision";
        public static final String CANCEL_REMAINING_SESSIONS = "Task_CancelRemainingSessions";
        public static final String GATEWAY_CLOSE = "Gateway_Close";
        public static final String CLOSE_CASE = "Task_CloseCase";
        public static final String CANCEL_SERIES = "Task_CancelSeries";
        public static final String NOTIFY_CLOSED = "Task_NotifyClosed";
        public static final String GATEWAY_OUTCOME = "Gateway_ClosureOutcome";
        public static final String END_COMPLETED = "EndEvent_Completed";
        public static final String END_REFERRED_ELSEWHERE = "EndEvent_ReferredElsewhere";
        public static final String END_STOPPED_BY_CLIENT = "EndEvent_StoppedByClient";

        private Elements() {
        }
    }

    /** Message names; the calendar's events are correlated by business key (the case key). */
    public static final class Messages {
        public static final String SERIES_FINISHED = "SeriesFinished";
        public static final String TWO_NO_SHOWS = "TwoNoShows";

        private Messages() {
        }
    }

    /** The error a full calendar raises in the booking task. */
    public static final String ERROR_CALENDAR_FULL = "Error_CalendarFull";

    /** Process variable names (and form field keys). */
    public static final class Vars {
        // start form: personal and health data, moved into the encrypted case store at once
        public static final String SERVICE = "service";
        public static final String FULL_NAME = "fullName";
        public static final String PHONE = "phone";
        public static final String EMAIL = "email";
        public static final String REASON = "reason";
        public static final String PREFERRED_TIMES = "preferredTimes";
        public static final String CHILD_AGE = "childAge";
        public static final String GUARDIAN_CONSENT = "guardianConsent";
        public static final String KVKK_CONSENT = "kvkkConsent";
        // set by the engine side
        public static final String CASE_ID = "caseId";
        public static final String TRACKING_CODE = "trackingCode";
        public static final String SERVICE_LABEL = "serviceLabel";
        public static final String PROFESSIONAL_OPTIONS = "professionalOptions";
        public static final String INTAKE_OFFICER_ID = "intakeOfficerId";
        public static final String SERIES_NUMBER = "seriesNumber";
        public static final String BOOKED_SESSIONS = "bookedSessions";
        // staff decisions (no free text: session notes go to the encrypted store through the staff API)
        public static final String INTAKE_DECISION = "intakeDecision";
        public static final String PROFESSIONAL_ID = "professionalId";
        public static final String REFER_OUT_TO = "referOutTo";
        public static final String WOMAN_CONSENT = "womanConsent";
        public static final String URGENT_RISK = "urgentRisk";
        public static final String GUIDANCE_GIVEN = "guidanceGiven";
        public static final String SESSION_COUNT = "sessionCount";
        public static final String NO_SHOW_DECISION = "noShowDecision";
        public static final String CLOSURE_OUTCOME = "closureOutcome";

        /** Personal and health data of the request: never kept in the process nor in its history. */
        public static final Set<String> PERSONAL_DATA = Set.of(FULL_NAME, PHONE, EMAIL, REASON, PREFERRED_TIMES, CHILD_AGE,
            GUARDIAN_CONSENT, KVKK_CONSENT);

        private Vars() {
        }
    }

    /**
     * The variables the engine side reads and writes, with their types (camunda-bpm-data variable factories). Numbers a
     * form sends ({@code sessionCount}) may arrive as Long, Integer or Double: read as {@link Number}. Checkboxes are
     * read by {@link CounsellingValues#flag}.
     */
    public static final class Typed {
        public static final VariableFactory<Long> CASE_ID = longVariable(Vars.CASE_ID);
        public static final VariableFactory<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final VariableFactory<String> SERVICE = stringVariable(Vars.SERVICE);
        public static final VariableFactory<String> SERVICE_LABEL = stringVariable(Vars.SERVICE_LABEL);
        public static final VariableFactory<String> INTAKE_OFFICER_ID = stringVariable(Vars.INTAKE_OFFICER_ID);
        public static final VariableFactory<String> INTAKE_DECISION = stringVariable(Vars.INTAKE_DECISION);
        public static final VariableFactory<String> PROFESSIONAL_ID = stringVariable(Vars.PROFESSIONAL_ID);
        public static final VariableFactory<String> REFER_OUT_TO = stringVariable(Vars.REFER_OUT_TO);
        public static final VariableFactory<Boolean> URGENT_RISK = booleanVariable(Vars.URGENT_RISK);
        public static final VariableFactory<Number> SESSION_COUNT = customVariable(Vars.SESSION_COUNT, Number.class);
        public static final VariableFactory<Long> SERIES_NUMBER = longVariable(Vars.SERIES_NUMBER);
        public static final VariableFactory<Long> BOOKED_SESSIONS = longVariable(Vars.BOOKED_SESSIONS);
        public static final VariableFactory<String> NO_SHOW_DECISION = stringVariable(Vars.NO_SHOW_DECISION);
        public static final VariableFactory<String> CLOSURE_OUTCOME = stringVariable(Vars.CLOSURE_OUTCOME);

        private Typed() {
        }
    }

    /** Values of decision and routing fields. */
    public static final class Decisions {
        public static final String ASSIGN = "ASSIGN";
        public static final String REFER_OUT = "REFER_OUT";
        public static final String VIOLENCE_LINE = "VIOLENCE_LINE";
        public static final String CLOSE = "CLOSE";
        public static final String NEW_SERIES = "NEW_SERIES";
        public static final String COMPLETED = "COMPLETED";
        public static final String REFERRED_ELSEWHERE = "REFERRED_ELSEWHERE";
        public static final String STOPPED_BY_CLIENT = "STOPPED_BY_CLIENT";

        private Decisions() {
        }
    }

    private CounsellingProcess() {
    }
}
