package tr.bel.izmit.kadinaile.courses;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;
import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The contract of the process {@code course-enrollment}: its key, element ids, messages and variable names.
 * Form field keys equal these variable names.
 */
public final class CourseProcess {

    public static final String KEY = "course-enrollment";
    public static final String DECISION_ELIGIBILITY = "course-eligibility";
    public static final String TRACKING_PREFIX = "KR";
    public static final String CERTIFICATE_PREFIX = "SR";

    /** Forms (file {@code forms/<id>.form}). */
    public static final class Forms {
        public static final String START = "course-enrollment-start";
        public static final String PRE_INTERVIEW = "course-enrollment-pre-interview";
        public static final String RECORD_ATTENDANCE = "course-enrollment-record-attendance";

        private Forms() {
        }
    }

    /** BPMN element ids. */
    public static final class Elements {
        public static final String START = "StartEvent_ApplicationReceived";
        public static final String GATEWAY_INTERVIEW_REQUIRED = "Gateway_InterviewRequired";
        public static final String PRE_INTERVIEW = "Task_PreInterview";
        public static final String GATEWAY_INTERVIEW_PASSED = "Gateway_InterviewPassed";
        public static final String NOTIFY_INTERVIEW_REJECTED = "Task_NotifyInterviewRejected";
        public static final String END_INTERVIEW_REJECTED = "EndEvent_InterviewRejected";
        public static final String RESERVE_SEAT = "Task_ReserveSeat";
        public static final String GATEWAY_SEAT_RESERVED = "Gateway_SeatReserved";
        public static final String NOTIFY_WAITLISTED = "Task_NotifyWaitlisted";
        public static final String GATEWAY_WAIT_FOR_SEAT = "Gateway_WaitForSeat";
        public static final String SEAT_RELEASED = "Event_SeatReleased";
        public static final String COURSE_STARTED = "Event_CourseStartedWithoutSeat";
        public static final String NOTIFY_NOT_PLACED = "Task_NotifyNotPlaced";
        public static final String END_NOT_PLACED = "EndEvent_NotPlaced";
        public static final String NOTIFY_ENROLLED = "Task_NotifyEnrolled";
        public static final String NOTIFY_PLACED = "Task_NotifyPlacedFromWaitlist";
        public static final String COURSE_STARTS = "Event_CourseStarts";
        public static final String COURSE_ENDED = "Event_CourseEnded";
        public static final String RECORD_ATTENDANCE = "Task_RecordAttendance";
        public static final String GATEWAY_ATTENDANCE_SUFFICIENT = "Gateway_AttendanceSufficient";
        public static final String ISSUE_CERTIFICATE = "Task_IssueCertificate";
        public static final String NOTIFY_CERTIFICATE = "Task_NotifyCertificate";
        public static final String END_CERTIFIED = "EndEvent_CertificateIssued";
        public static final String NOTIFY_NO_CERTIFICATE = "Task_NotifyNoCertificate";
        public static final String END_DROPPED_OUT = "EndEvent_DroppedOut";
        public static final String WITHDRAWAL = "SubProcess_WithdrawnByApplicant";
        public static final String WITHDRAWN_BY_APPLICANT = "StartEvent_WithdrawnByApplicant";
        public static final String RELEASE_SEAT = "Task_ReleaseSeat";
        public static final String NOTIFY_WITHDRAWN = "Task_NotifyWithdrawn";
        public static final String END_WITHDRAWN = "EndEvent_WithdrawnByApplicant";

        /** While the case waits at one of these (before the course starts), the applicant may withdraw. */
        public static final Set<String> WITHDRAWABLE_AT = Set.of(PRE_INTERVIEW, GATEWAY_WAIT_FOR_SEAT, COURSE_STARTS);

        private Elements() {
        }
    }

    /** Message names. */
    public static final class Messages {
        public static final String SEAT_RELEASED = "SeatReleased";
        public static final String WITHDRAWN_BY_APPLICANT = "CourseWithdrawnByApplicant";

        private Messages() {
        }
    }

    /** Process variable names (and form field keys). */
    public static final class Vars {
        // start form
        public static final String FULL_NAME = "fullName";
        public static final String TC_KIMLIK_NO = "tcKimlikNo";
        public static final String BIRTH_DATE = "birthDate";
        public static final String PHONE = "phone";
        public static final String DISTRICT = "district";
        public static final String COURSE_CODE = "courseCode";
        public static final String KVKK_CONSENT = "kvkkConsent";
        // set by the engine side
        public static final String APPLICATION_ID = "applicationId";
        public static final String TRACKING_CODE = "trackingCode";
        public static final String COURSE_ID = "courseId";
        public static final String COURSE_TITLE = "courseTitle";
        public static final String INTERVIEW_REQUIRED = "interviewRequired";
        public static final String COURSE_STARTS_AT = "courseStartsAt";
        public static final String COURSE_ENDS_AT = "courseEndsAt";
        public static final String TOTAL_HOURS = "totalHours";
        public static final String PLACEMENT = "placement";
        public static final String WAITLIST_POSITION = "waitlistPosition";
        // staff decisions
        public static final String INTERVIEW_DECISION = "interviewDecision";
        public static final String INTERVIEW_NOTE = "interviewNote";
        public static final String ABSENT_HOURS = "absentHours";
        public static final String ATTENDANCE_SUFFICIENT = "attendanceSufficient";
        public static final String CERTIFICATE_NUMBER = "certificateNumber";

        /** Personal data that arrives with the start form, moves into our table and never stays in the process. */
        public static final Set<String> PERSONAL_DATA = Set.of(FULL_NAME, TC_KIMLIK_NO, BIRTH_DATE, PHONE, KVKK_CONSENT);

        private Vars() {
        }
    }

    /**
     * The variables the engine side reads and writes, with their types (camunda-bpm-data variable factories): read
     * with {@code Typed.X.from(execution).get()} (or {@code getOrNull()}, {@code getOrDefault(…)}), write with
     * {@code Typed.X.on(execution).set(value)}. A value of another type fails at the reader with a
     * {@code WrongVariableTypeException} that names the variable, not as a {@code ClassCastException} further on.
     * Not here: the start form's fields, which {@link CourseApplications#register} parses and validates as a
     * whole and which leave the process at once. Numbers a form sends ({@code absentHours}) may arrive as Long, Integer or
     * Double: they are read as {@link Number} and never written through that factory.
     */
    public static final class Typed {
        public static final VariableFactory<Long> APPLICATION_ID = longVariable(Vars.APPLICATION_ID);
        public static final VariableFactory<String> TRACKING_CODE = stringVariable(Vars.TRACKING_CODE);
        public static final VariableFactory<String> COURSE_CODE = stringVariable(Vars.COURSE_CODE);
        public static final VariableFactory<Long> COURSE_ID = longVariable(Vars.COURSE_ID);
        public static final VariableFactory<String> COURSE_TITLE = stringVariable(Vars.COURSE_TITLE);
        public static final VariableFactory<Boolean> INTERVIEW_REQUIRED = booleanVariable(Vars.INTERVIEW_REQUIRED);
        public static final VariableFactory<Date> COURSE_STARTS_AT = dateVariable(Vars.COURSE_STARTS_AT);
        public static final VariableFactory<Date> COURSE_ENDS_AT = dateVariable(Vars.COURSE_ENDS_AT);
        public static final VariableFactory<Long> TOTAL_HOURS = longVariable(Vars.TOTAL_HOURS);
        public static final VariableFactory<String> PLACEMENT = stringVariable(Vars.PLACEMENT);
        public static final VariableFactory<Long> WAITLIST_POSITION = longVariable(Vars.WAITLIST_POSITION);
        public static final VariableFactory<String> INTERVIEW_DECISION = stringVariable(Vars.INTERVIEW_DECISION);
        public static final VariableFactory<Number> ABSENT_HOURS = customVariable(Vars.ABSENT_HOURS, Number.class);
        public static final VariableFactory<Boolean> ATTENDANCE_SUFFICIENT = booleanVariable(Vars.ATTENDANCE_SUFFICIENT);
        public static final VariableFactory<String> CERTIFICATE_NUMBER = stringVariable(Vars.CERTIFICATE_NUMBER);

        private Typed() {
        }
    }

    /** Values of decision and routing fields. */
    public static final class Decisions {
        public static final String ACCEPT = "ACCEPT";
        public static final String REJECT = "REJECT";
        public static final String ENROLLED = "ENROLLED";
        public static final String WAITLISTED = "WAITLISTED";

        private Decisions() {
        }
    }

    private CourseProcess() {
    }
}
