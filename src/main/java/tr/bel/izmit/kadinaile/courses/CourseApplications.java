package tr.bel.izmit.kadinaile.courses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.validation.MobilePhone;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * The course application records: registration with the facts the eligibility decision needs, the steps a
 * case goes through, attendance.
 */
@Service("courseApplications")
@Transactional
public class CourseApplications {

    static final String NO_SUCH_COURSE = Texts.get("courses.validation.course.unknown");
    static final String COURSE_CLOSED = Texts.get("courses.validation.course.closed");

    private final CourseApplicationRepository applications;
    private final CourseRepository courses;
    private final CourseLocks locks;
    private final Clock clock;

    CourseApplications(CourseApplicationRepository applications, CourseRepository courses, CourseLocks locks, Clock clock) {
        this.applications = applications;
        this.courses = courses;
        this.locks = locks;
        this.clock = clock;
    }

    /** What the eligibility decision {@code course-eligibility} is given about an applicant and her course. */
    public record Facts(int applicantAge, int minimumAge, boolean activeApplicationForCourse, int concurrentCourses,
            boolean timeOverlap, boolean droppedOutLastTerm) {

        Map<String, Object> asVariables() {
            return Map.of("applicantAge", applicantAge, "minimumAge", minimumAge,
                "activeApplicationForCourse", activeApplicationForCourse, "concurrentCourses", concurrentCourses,
                "timeOverlap", timeOverlap, "droppedOutLastTerm", droppedOutLastTerm);
        }
    }

    public record Registration(CourseApplication application, Course course, Facts facts) {
    }

    /**
     * Stores an application from start-form values the form validator has accepted, after the checks that
     * need no decision table (the course exists and takes applications), and gathers the decision's facts.
     * Locks the course row first, so that two applications of one person to one course are checked one after
     * the other, on any node.
     *
     * @throws ValidationFailedException naming the field, which rolls back the start
     */
    public Registration register(Map<String, Object> values, String processInstanceId) {
        String code = text(values, Vars.COURSE_CODE).toUpperCase(Locale.ROOT);
        Long courseId = courses.findByCode(code).map(Course::getId)
            .orElseThrow(() -> ValidationFailedException.of(Vars.COURSE_CODE, NO_SUCH_COURSE));
        Course course = locks.lock(courseId);
        LocalDate today = LocalDate.now(clock);
        if (!course.acceptsApplicationsOn(today)) {
            throw ValidationFailedException.of(Vars.COURSE_CODE, COURSE_CLOSED);
        }
        CourseApplication.Applicant applicant = new CourseApplication.Applicant(text(values, Vars.FULL_NAME),
            text(values, Vars.TC_KIMLIK_NO), date(values.get(Vars.BIRTH_DATE)), MobilePhone.normalize(text(values, Vars.PHONE)),
            text(values, Vars.DISTRICT));
        Facts facts = facts(applicant, course);
        String trackingCode;
        do {
            trackingCode = TrackingCodes.generate(CourseProcess.TRACKING_PREFIX);
        } while (applications.existsByTrackingCode(trackingCode));
        CourseApplication application = new CourseApplication(trackingCode, course.getId(), applicant,
            CourseApplication.TIER_REGULAR, Instant.now(clock));
        application.attachProcessInstance(processInstanceId);
        return new Registration(applications.save(application), course, facts);
    }

    Facts facts(CourseApplication.Applicant applicant, Course course) {
        int age = Period.between(applicant.birthDate(), course.getStartsOn()).getYears();
        List<CourseApplication> active = applications.findByTcKimlikNoAndStatusIn(applicant.tcKimlikNo(), EnrollmentStatus.ACTIVE);
        boolean sameCourse = active.stream().anyMatch(a -> a.getCourseId().equals(course.getId()));
        List<Course> alongside = active.stream()
            .filter(a -> !a.getCourseId().equals(course.getId()))
            .map(a -> courses.findById(a.getCourseId()).orElseThrow())
            .filter(course::runsAlongside)
            .toList();
        boolean overlap = alongside.stream().anyMatch(course::overlapsInTime);
        boolean droppedOut = applications.droppedOutIn(applicant.tcKimlikNo(), Terms.previous(course.getTerm()));
        return new Facts(age, course.getMinimumAge(), sameCourse, alongside.size(), overlap, droppedOut);
    }

    /**
     * Called when {@code course-eligibility} refused: throws the applicant's error, naming the field, so that
     * the whole start is rolled back and nothing is stored.
     */
    public void refuse(Long applicationId, String reasonCode) {
        CourseApplication application = get(applicationId);
        Course course = courses.findById(application.getCourseId()).orElseThrow();
        throw switch (reasonCode) {
            case "UNDER_MINIMUM_AGE" -> ValidationFailedException.of(Vars.BIRTH_DATE,
                Texts.get("courses.validation.minimum-age", String.valueOf(course.getMinimumAge())));
            case "DUPLICATE_APPLICATION" -> ValidationFailedException.of(Vars.COURSE_CODE,
                Texts.get("courses.validation.already-applied"));
            case "TOO_MANY_COURSES" -> ValidationFailedException.of(Vars.COURSE_CODE,
                Texts.get("courses.validation.two-per-term"));
            case "TIME_OVERLAP" -> ValidationFailedException.of(Vars.COURSE_CODE,
                Texts.get("courses.validation.schedule-clash"));
            default -> new IllegalStateException("unknown reason " + reasonCode);
        };
    }

    /** The decision put her at the end of the waitlist (she dropped out of a course last term). */
    public void placeLastInLine(Long applicationId) {
        get(applicationId).placeLastInLine();
    }

    @Transactional(readOnly = true)
    public CourseApplication get(Long applicationId) {
        return applications.findById(applicationId)
            .orElseThrow(() -> new NoSuchElementException("course application " + applicationId));
    }

    /** Called from the BPMN when a pre-interview is needed. */
    public void toInterview(Long applicationId) {
        get(applicationId).toInterview();
    }

    /** Called from the BPMN at the end events of the cases that did not end with a seat. */
    public void finish(Long applicationId, String status) {
        get(applicationId).finish(EnrollmentStatus.valueOf(status), Instant.now(clock));
    }

    /**
     * An applicant may withdraw while her application is active and the course has not started yet. Guards
     * the withdrawal in the process itself, whoever sends the message.
     */
    @Transactional(readOnly = true)
    public void assertWithdrawable(Long applicationId) {
        if (!isWithdrawable(get(applicationId))) {
            throw ValidationFailedException.of(Vars.TRACKING_CODE, Texts.get("courses.withdrawal.too-late"));
        }
    }

    boolean isWithdrawable(CourseApplication application) {
        Course course = courses.findById(application.getCourseId()).orElseThrow();
        return application.getStatus().isActive() && LocalDate.now(clock).isBefore(course.getStartsOn());
    }

    /**
     * The instructor's attendance record at the end of the course.
     *
     * @return whether the attendance earns the certificate: absence of at most a fifth of the hours
     * @throws ValidationFailedException when the absent hours are more than the course's hours
     */
    public boolean recordAttendance(Long applicationId, int absentHours) {
        CourseApplication application = get(applicationId);
        Course course = courses.findById(application.getCourseId()).orElseThrow();
        int total = course.totalHours();
        if (absentHours < 0 || absentHours > total) {
            throw ValidationFailedException.of(Vars.ABSENT_HOURS,
                Texts.get("courses.attendance.absent-hours.range", String.valueOf(total)));
        }
        application.recordAttendance(total, absentHours);
        return sufficient(total, absentHours);
    }

    /** Absence above one fifth of the hours means no certificate. */
    static boolean sufficient(int totalHours, int absentHours) {
        return absentHours * 5 <= totalHours;
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? "" : value.toString().trim();
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate localDate) {
            return localDate;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ClockConfiguration.ISTANBUL).toLocalDate();
        }
        String text = String.valueOf(value).trim();
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
