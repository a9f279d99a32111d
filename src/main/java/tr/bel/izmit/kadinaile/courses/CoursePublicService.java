package tr.bel.izmit.kadinaile.courses;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.portal.Decision;
import tr.bel.izmit.kadinaile.portal.Decision.Outcome;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;

/**
 * İZMEK courses on the public portal: the start form, status milestones, withdrawal before the course starts and the
 * decision (which course, centre and first day, or her place in line); the texts are {@code portal.course-enrollment.*}
 * in the message bundle.
 */
@Component
class CoursePublicService extends PublicServiceSupport {

    private static final String TEXTS = "portal.course-enrollment.decision.";

    private final CourseApplicationRepository applications;
    private final CourseRepository courses;
    private final CourseSeats seats;

    CoursePublicService(CourseCaseActions actions, CourseApplicationRepository applications, CourseRepository courses,
            CourseSeats seats) {
        super(CourseProcess.KEY, CourseProcess.Forms.START, CourseProcess.TRACKING_PREFIX, 20,
            List.of(Elements.START, Elements.PRE_INTERVIEW, Elements.END_INTERVIEW_REJECTED, Elements.NOTIFY_ENROLLED,
                Elements.NOTIFY_WAITLISTED, Elements.SEAT_RELEASED, Elements.END_NOT_PLACED, Elements.COURSE_STARTS,
                Elements.COURSE_ENDED, Elements.RECORD_ATTENDANCE, Elements.END_CERTIFIED, Elements.END_DROPPED_OUT,
                Elements.END_WITHDRAWN),
            new Withdrawal(Elements.WITHDRAWABLE_AT, actions::withdrawByApplicant));
        this.applications = applications;
        this.courses = courses;
        this.seats = seats;
    }

    /** The course list's "Bu kursa başvur" fills in the course. */
    @Override
    public Set<String> linkFields() {
        return Set.of(CourseProcess.Vars.COURSE_CODE);
    }

    /** Only the course's public facts (as the course list shows them) and her place in line. */
    @Override
    public Optional<Decision> decision(String trackingCode) {
        return applications.findByTrackingCode(trackingCode)
            .flatMap(application -> courses.findById(application.getCourseId()).flatMap(course -> decision(application, course)));
    }

    private Optional<Decision> decision(CourseApplication application, Course course) {
        String name = course.getTitle() + " (" + course.getCode() + ")";
        List<String> where = List.of(
            Texts.get(TEXTS + "centre", course.getCentre().getName(),
                CourseListPage.DISTRICTS.getOrDefault(course.getCentre().getDistrict(), course.getCentre().getDistrict())),
            Texts.get(TEXTS + "first-day", TurkishFormats.DATE.format(course.getStartsOn()),
                course.getStartsOn().getDayOfWeek().getDisplayName(TextStyle.FULL, TurkishFormats.TURKISH),
                course.getStartsAt().toString(), course.getEndsAt().toString()));
        return Optional.ofNullable(switch (application.getStatus()) {
            case ENROLLED -> new Decision(Outcome.APPROVED, Texts.get(TEXTS + "enrolled", name), where);
            case WAITLISTED -> new Decision(Outcome.WAITING,
                Texts.get(TEXTS + "waitlisted", name, String.valueOf(seats.position(application))),
                List.of(where.get(0), where.get(1), Texts.get(TEXTS + "waitlisted.next")));
            case COMPLETED -> new Decision(Outcome.APPROVED, Texts.get(TEXTS + "completed", name),
                List.of(Texts.get(TEXTS + "completed.check")));
            case INTERVIEW_REJECTED -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "interview-rejected", name),
                List.of(Texts.get(TEXTS + "other-courses")));
            case NOT_PLACED -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "not-placed", name),
                List.of(Texts.get(TEXTS + "other-courses")));
            case DROPPED_OUT -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "dropped-out", name),
                List.of(Texts.get(TEXTS + "other-courses")));
            case WITHDRAWN -> new Decision(Outcome.WITHDRAWN, Texts.get(TEXTS + "withdrawn", name),
                List.of(Texts.get(TEXTS + "other-courses")));
            default -> null;
        });
    }
}
