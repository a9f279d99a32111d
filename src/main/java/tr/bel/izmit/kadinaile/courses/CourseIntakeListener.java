package tr.bel.izmit.kadinaile.courses;

import java.time.LocalTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.holunda.camunda.bpm.data.CamundaBpmData;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.courses.CourseApplications.Registration;
import tr.bel.izmit.kadinaile.courses.CourseNotifications.Template;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * Runs when an application starts, right after the start form was validated: stores the application in our
 * table (refusing an unknown or closed course), makes its tracking code the business key, and keeps in the
 * process only ids, routing data and the facts of the eligibility decision. Name, T.C. Kimlik No, birth date
 * and phone leave the process (and never reach its history, see {@code PersonalDataHistoryFilter}).
 */
@Component("courseIntake")
class CourseIntakeListener implements ExecutionListener {

    /** Those left on the waitlist are told on the morning of the first day; attendance is due in the evening of the last. */
    static final LocalTime START_NOTICE_AT = LocalTime.of(8, 0);
    static final LocalTime ATTENDANCE_DUE_AT = LocalTime.of(18, 0);

    private final CourseApplications applications;
    private final CourseNotifications notifications;

    CourseIntakeListener(CourseApplications applications, CourseNotifications notifications) {
        this.applications = applications;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Registration registration = applications.register(execution.getVariables(), execution.getProcessInstanceId());
        CourseApplication application = registration.application();
        Course course = registration.course();
        execution.setProcessBusinessKey(application.getTrackingCode());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setVariables(CamundaBpmData.builder()
            .set(Typed.APPLICATION_ID, application.getId())
            .set(Typed.TRACKING_CODE, application.getTrackingCode())
            .set(Typed.COURSE_CODE, course.getCode())
            .set(Typed.COURSE_ID, course.getId())
            .set(Typed.COURSE_TITLE, course.getTitle() + " — " + course.getCentre().getName())
            .set(Typed.INTERVIEW_REQUIRED, course.isInterviewRequired())
            .set(Typed.TOTAL_HOURS, (long) course.totalHours())
            .set(Typed.COURSE_STARTS_AT, Date.from(course.getStartsOn().atTime(START_NOTICE_AT)
                .atZone(ClockConfiguration.ISTANBUL).toInstant()))
            .set(Typed.COURSE_ENDS_AT, Date.from(course.getEndsOn().atTime(ATTENDANCE_DUE_AT)
                .atZone(ClockConfiguration.ISTANBUL).toInstant()))
            .build());
        execution.setVariables(registration.facts().asVariables());
        notifications.notifyApplicant(application.getId(), Template.RECEIVED);
    }
}
