package tr.bel.izmit.kadinaile.producers.stands;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;
import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The contract of the process {@code market-stand-request} (Stant Talebi): its key, element ids, messages and
 * variable names. Form field keys equal these variable names.
 */
public final class MarketStandProcess {

    public static final String KEY = "market-stand-request";
    public static final String TRACKING_PREFIX = "ST";

    /** Forms (file {@code forms/<id>.form}). */
    public static final class Forms {
        public static final String START = "market-stand-request-start";
        public static final String CONFIRM = "market-stand-request-confirm";

        private Forms() {
        }
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_StandRequested";
        public static final String ALLOCATION_TIME = "Event_AllocationTime";
        public static final String ALLOCATE = "Task_AllocatePlace";
        public static final String GATEWAY_PLACE_HELD = "Gateway_PlaceHeld";
        public static final String WAIT_FOR_PLACE = "Gateway_WaitForPlace";
        public static final String PLACE_OFFERED = "Event_PlaceOffered";
        public static final String STAND_DAY_STARTED = "Event_StandDayStarted";
        public static final String NOTIFY_NO_PLACE = "Task_NotifyNoPlace";
        public static final String END_NO_PLACE = "EndEvent_NoPlace";
        public static final String CONFIRM = "Task_ConfirmStand";
        public static final String CONFIRMATION_TOO_LATE = "Event_ConfirmationTooLate";
        public static final String GATEWAY_CONFIRMED = "Gateway_StandConfirmed";
        public static final String NOTIFY_CONFIRMED = "Task_NotifyConfirmed";
        public static final String STAND_DAY_OVER = "Event_StandDayOver";
        public static final String END_STAND_HELD = "EndEvent_StandHeld";
        public static final String NOTIFY_DECLINED = "Task_NotifyDeclined";
        public static final String END_DECLINED = "EndEvent_StandDeclined";
        public static final String CANCELLED_BY_PRODUCER = "StartEvent_CancelledByProducer";
        public static final String RELEASE_PLACE = "Task_ReleasePlace";
        public static final String END_CANCELLED = "EndEvent_CancelledByProducer";

        /** While the request waits at one of these, the producer may cancel it (before the stand day). */
        public static final Set<String> CANCELLABLE_AT = Set.of(ALLOCATION_TIME, ALLOCATE, WAIT_FOR_PLACE, CONFIRM, STAND_DAY_OVER);

        private Elements() {
        }
    }

    /** Message names. */
    public static final class Messages {
        public static final String PLACE_OFFERED = "StandPlaceOffered";
        public static final String CANCELLED_BY_PRODUCER = "StandCancelledByProducer";

        private Messages() {
        }
    }

    /** Process variable names (and form field keys). */
    public static final class Vars {
        // start form
        public static final String PRODUCER_CODE = "producerCode";
        public static final String VERIFICATION_CODE = "verificationCode";
        public static final String LOCATION = "location";
        public static final String STAND_DATE = "standDate";
        public static final String NOTE = "note";
        // set by the engine side
        public static final String REQUEST_ID = "requestId";
        public static final String TRACKING_CODE = "trackingCode";
        public static final String PRODUCER_NAME = "producerName";
        public static final String LOCATION_NAME = "locationName";
        public static final String ALLOCATION_AT = "allocationAt";
        public static final String STAND_DAY_STARTS_AT = "standDayStartsAt";
        public static final String STAND_DAY_ENDS_AT = "standDayEndsAt";
        public static final String PLACE_HELD = "placeHeld";
        public static final String STAND_DAYS_THIS_MONTH = "standDaysThisMonth";
        // staff decision
        public static final String CONFIRMATION = "confirmation";
        public static final String DECLINE_REASON = "declineReason";

        /** The second factor leaves the process at once. */
        public static final Set<String> PERSONAL_DATA = Set.of(VERIFICATION_CODE);
        /** Never written to the engine's history. */
        public static final Set<String> KEPT_OUT_OF_HISTORY = Set.of(VERIFICATION_CODE, PRODUCER_NAME);

        private Vars() {
        }
    }

    /**
     * The variables the engine side reads and writes, with their types (camunda-bpm-data variable factories): read
     * with {@code Typed.X.from(execution).get()} (or {@code getOrNull()}, {@code getOrDefault(…)}), write with
     * {@code Typed.X.on(execution).set(value)}. A value of another type fails at the reader with a
     * {@code WrongVariableTypeException} that names the variable, not as a {@code ClassCastException} further on.
     * Not here: the start form's raw fields, which {@link StandRequests#register} parses and validates as a
     * whole; the intake listener writes them back in the types declared here.
     */
    public static final class Typed {
        public static final VariableFactory<Long> REQUEST_ID = longVariable(Vars.REQUEST_ID);
        public static final VariableFactory<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final VariableFactory<String> PRODUCER_CODE = stringVariable(Vars.PRODUCER_CODE);
        public static final VariableFactory<String> PRODUCER_NAME = stringVariable(Vars.PRODUCER_NAME);
        public static final VariableFactory<String> LOCATION = stringVariable(Vars.LOCATION);
        public static final VariableFactory<String> LOCATION_NAME = stringVariable(Vars.LOCATION_NAME);
        public static final VariableFactory<String> STAND_DATE = stringVariable(Vars.STAND_DATE);
        public static final VariableFactory<Date> ALLOCATION_AT = dateVariable(Vars.ALLOCATION_AT);
        public static final VariableFactory<Date> STAND_DAY_STARTS_AT = dateVariable(Vars.STAND_DAY_STARTS_AT);
        public static final VariableFactory<Date> STAND_DAY_ENDS_AT = dateVariable(Vars.STAND_DAY_ENDS_AT);
        public static final VariableFactory<Boolean> PLACE_HELD = booleanVariable(Vars.PLACE_HELD);
        public static final VariableFactory<Long> STAND_DAYS_THIS_MONTH = longVariable(Vars.STAND_DAYS_THIS_MONTH);
        public static final VariableFactory<String> CONFIRMATION = stringVariable(Vars.CONFIRMATION);
        public static final VariableFactory<String> DECLINE_REASON = stringVariable(Vars.DECLINE_REASON);

        private Typed() {
        }
    }

    /** Values of the decision field. */
    public static final class Decisions {
        public static final String CONFIRM = "CONFIRM";
        public static final String DECLINE = "DECLINE";

        private Decisions() {
        }
    }

    private MarketStandProcess() {
    }
}
