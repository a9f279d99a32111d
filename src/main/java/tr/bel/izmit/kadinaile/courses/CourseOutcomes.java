package tr.bel.izmit.kadinaile.courses;

import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.metrics.ProcessOutcomes;

/**
 * What "approved" and "rejected" mean for the dashboard's approval rate: an application is approved when the
 * trainee is enrolled, at once or later from the waiting list, and rejected at the pre-interview. Not being placed
 * (no seat freed before the course began) is capacity, not a decision on the applicant, and is shown among the
 * outcomes only. Every id here is also in the partial index {@code KA_IDX_HI_ACTINST_OUTCOMES}
 * (db/vendor/postgresql/V19_1, V19_3), which {@code DeclaredOutcomesTests} checks.
 */
@Component
class CourseOutcomes implements ProcessOutcomes {

    @Override
    public String processKey() {
        return CourseProcess.KEY;
    }

    @Override
    public Set<String> approvedActivities() {
        return Set.of(CourseProcess.Elements.NOTIFY_ENROLLED, CourseProcess.Elements.NOTIFY_PLACED);
    }

    @Override
    public Set<String> rejectedActivities() {
        return Set.of(CourseProcess.Elements.END_INTERVIEW_REJECTED);
    }
}
