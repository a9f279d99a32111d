package tr.bel.izmit.kadinaile.producers.stands;

import java.util.Set;

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
