package tr.bel.izmit.kadinaile.courses;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * After the decision {@code course-eligibility}: an applicant who may not apply gets a clear error naming the
 * field, and the start is rolled back, so that nothing is stored or started (the same on the portal and in
 * Tasklist). The decision itself stays in the model, where it can be read and changed.
 */
@Component("courseEligibilityGuard")
class CourseEligibilityGuard implements ExecutionListener {

    static final String RESULT = "eligibility";
    static final String ELIGIBLE = "eligible";
    static final String REASON_CODE = "reasonCode";
    static final String WAITLIST_LAST = "waitlistLast";

    private final CourseApplications applications;

    CourseEligibilityGuard(CourseApplications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // the decision's single result (the output mapping of the task runs after its end listeners)
        Map<?, ?> result = (Map<?, ?>) execution.getVariable(RESULT);
        Long applicationId = (Long) execution.getVariable(Vars.APPLICATION_ID);
        if (!Boolean.TRUE.equals(result.get(ELIGIBLE))) {
            applications.refuse(applicationId, (String) result.get(REASON_CODE));
        }
        if (Boolean.TRUE.equals(result.get(WAITLIST_LAST))) {
            applications.placeLastInLine(applicationId);
        }
    }
}
