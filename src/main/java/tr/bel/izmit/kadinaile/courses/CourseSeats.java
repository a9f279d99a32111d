package tr.bel.izmit.kadinaile.courses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Messages;

/**
 * Seats and the waiting line of a course. Every change first locks the course row
 * ({@code select ... for update}), so that reservations, releases and promotions of one course run one after
 * another on every node; the table's check {@code seats_taken <= capacity} and the unique
 * {@code (course_id, waitlist_seq)} hold even if this code were wrong. A course never gives more seats than
 * its capacity, and the line is first come, first served (regular applicants before those who dropped out of a
 * course last term).
 */
@Service("courseSeats")
@Transactional
public class CourseSeats {

    private final CourseLocks locks;
    private final CourseApplicationRepository applications;
    private final RuntimeService runtimeService;
    private final Clock clock;

    CourseSeats(CourseLocks locks, CourseApplicationRepository applications, RuntimeService runtimeService, Clock clock) {
        this.locks = locks;
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** A seat, or a place in line (1 = next to get a seat). */
    public record Placement(boolean enrolled, int waitlistPosition) {
    }

    /** Gives the application a seat if one is free and nobody waits ahead of it, otherwise a place in line. Idempotent. */
    public Placement reserve(Long applicationId) {
        CourseApplication application = applications.findById(applicationId).orElseThrow();
        Course course = locks.lock(application.getCourseId());
        if (application.getStatus() == EnrollmentStatus.ENROLLED) {
            return new Placement(true, 0);
        }
        if (application.getStatus() != EnrollmentStatus.WAITLISTED) {
            if (course.freeSeats() > 0 && !applications.existsByCourseIdAndStatus(course.getId(), EnrollmentStatus.WAITLISTED)) {
                course.takeSeat();
                application.enroll(Instant.now(clock));
                return new Placement(true, 0);
            }
            application.waitlist(course.nextWaitlistSeq());
        }
        return new Placement(false, position(application));
    }

    /** Her current place in line; 0 when she is not waiting. */
    @Transactional(readOnly = true)
    public int position(CourseApplication application) {
        if (application.getStatus() != EnrollmentStatus.WAITLISTED) {
            return 0;
        }
        return (int) applications.positionInLine(application.getCourseId(), application.getWaitlistTier(), application.getWaitlistSeq());
    }

    /**
     * The applicant leaves before the course starts: her seat goes to the first in line, who is told through
     * the message {@code SeatReleased}; if she was waiting, she leaves the line. Idempotent.
     */
    public void release(Long applicationId) {
        CourseApplication application = applications.findById(applicationId).orElseThrow();
        Course course = locks.lock(application.getCourseId());
        boolean hadSeat = application.getStatus() == EnrollmentStatus.ENROLLED;
        if (application.getStatus().isActive()) {
            application.finish(EnrollmentStatus.WITHDRAWN, Instant.now(clock));
        }
        if (hadSeat) {
            course.releaseSeat();
            applications.flush();
            fillFreeSeats(course);
        }
    }

    /** After the coordinator raised the capacity: the new seats go to the first in line. */
    public int fillFreeSeats(Long courseId) {
        return fillFreeSeats(locks.lock(courseId));
    }

    /** A waiting applicant whose course has started without a seat for her leaves the line. */
    public void notPlaced(Long applicationId) {
        CourseApplication application = applications.findById(applicationId).orElseThrow();
        locks.lock(application.getCourseId());
        if (application.getStatus() == EnrollmentStatus.WAITLISTED) {
            application.finish(EnrollmentStatus.NOT_PLACED, Instant.now(clock));
        }
    }

    private int fillFreeSeats(Course course) {
        List<CourseApplication> line = applications.waitlistOf(course.getId());
        int promoted = 0;
        for (CourseApplication next : line) {
            if (course.freeSeats() <= 0) {
                break;
            }
            course.takeSeat();
            next.enroll(Instant.now(clock));
            promoted++;
            runtimeService.createMessageCorrelation(Messages.SEAT_RELEASED)
                .processInstanceBusinessKey(next.getTrackingCode())
                .correlate();
        }
        return promoted;
    }
}
