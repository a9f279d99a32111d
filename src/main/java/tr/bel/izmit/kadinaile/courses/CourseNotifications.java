package tr.bel.izmit.kadinaile.courses;

import static tr.bel.izmit.kadinaile.common.TurkishFormats.DATE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.notification.ApplicantNotices;
import tr.bel.izmit.kadinaile.notification.NoticeSource;

/**
 * The applicant's notifications, by SMS through the outbox, each once per application: the templates
 * {@code notification.courses.*} of the message bundle, filled from the application and its course.
 */
@Service
@Transactional
public class CourseNotifications implements NoticeSource {

    static final String CAPABILITY = "courses";

    public enum Template {
        RECEIVED,
        INTERVIEW_REJECTED,
        ENROLLED,
        WAITLISTED,
        PLACED_FROM_WAITLIST,
        NOT_PLACED,
        WITHDRAWN,
        CERTIFICATE,
        NO_CERTIFICATE
    }

    private final CourseApplicationRepository applications;
    private final CourseRepository courses;
    private final CertificateRepository certificates;
    private final CourseSeats seats;
    private final ApplicantNotices notices;

    CourseNotifications(CourseApplicationRepository applications, CourseRepository courses, CertificateRepository certificates,
            CourseSeats seats, ApplicantNotices notices) {
        this.applications = applications;
        this.courses = courses;
        this.certificates = certificates;
        this.seats = seats;
        this.notices = notices;
    }

    @Override
    public String processKey() {
        return CourseProcess.KEY;
    }

    /** The "… bildir" tasks of the process: the template named by the task. */
    @Override
    public void send(DelegateExecution execution, String template) {
        notifyApplicant(Typed.APPLICATION_ID.from(execution).getOrNull(), Template.valueOf(template));
    }

    public void notifyApplicant(Long applicationId, Template template) {
        CourseApplication application = applications.findById(applicationId).orElseThrow();
        // courses ask for no e-mail address: SMS only
        notices.send("course:" + applicationId + ":" + template, new Addressee(application.getFullName(), application.getPhone(), null),
            CAPABILITY, template.name(), arguments(application, template));
    }

    /** The template's placeholders: {0} the tracking code, {1} the course with its centre, then the template's own. */
    private Object[] arguments(CourseApplication application, Template template) {
        Course course = courses.findById(application.getCourseId()).orElseThrow();
        String code = application.getTrackingCode();
        String title = course.getTitle() + " (" + course.getCentre().getName() + ")";
        return switch (template) {
            case ENROLLED -> new Object[] {code, title, DATE.format(course.getStartsOn()), String.valueOf(course.getStartsAt()),
                String.valueOf(course.getEndsAt())};
            case WAITLISTED -> new Object[] {code, title, String.valueOf(seats.position(application))};
            case PLACED_FROM_WAITLIST -> new Object[] {code, title, DATE.format(course.getStartsOn())};
            case CERTIFICATE -> new Object[] {code, title,
                certificates.findByApplicationId(application.getId()).orElseThrow().getNumber()};
            default -> new Object[] {code, title};
        };
    }
}
