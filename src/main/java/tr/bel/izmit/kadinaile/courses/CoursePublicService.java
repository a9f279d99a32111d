package tr.bel.izmit.kadinaile.courses;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;

/**
 * İZMEK courses on the public portal: the start form, status milestones and withdrawal before the course starts;
 * the texts are {@code portal.course-enrollment.*} in the message bundle.
 */
@Component
class CoursePublicService extends PublicServiceSupport {

    CoursePublicService(CourseCaseActions actions) {
        super(CourseProcess.KEY, CourseProcess.Forms.START, CourseProcess.TRACKING_PREFIX, 20,
            List.of(Elements.START, Elements.PRE_INTERVIEW, Elements.END_INTERVIEW_REJECTED, Elements.NOTIFY_ENROLLED,
                Elements.NOTIFY_WAITLISTED, Elements.SEAT_RELEASED, Elements.END_NOT_PLACED, Elements.COURSE_STARTS,
                Elements.COURSE_ENDED, Elements.RECORD_ATTENDANCE, Elements.END_CERTIFIED, Elements.END_DROPPED_OUT,
                Elements.END_WITHDRAWN),
            new Withdrawal(Elements.WITHDRAWABLE_AT, actions::withdrawByApplicant));
    }
}
