package tr.bel.izmit.kadinaile.courses;

import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Typed;

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
    /**
     * The decision's single result, outputs by name. Read as a whole map: an output the decision leaves empty
     * ({@code reasonCode} of an eligible applicant) is a null entry, which camunda-bpm-data's {@code mapVariable} refuses.
     */
    @SuppressWarnings("rawtypes")
    static final VariableFactory<Map> RESULT_VARIABLE = customVariable(RESULT, Map.class);

    private final CourseApplications applications;

    CourseEligibilityGuard(CourseApplications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // the decision's single result (the output mapping of the task runs after its end listeners)
        Map<?, ?> result = RESULT_VARIABLE.from(execution).get();
        Long applicationId = Typed.APPLICATION_ID.from(execution).get();
        if (!Boolean.TRUE.equals(result.get(ELIGIBLE))) {
            applications.refuse(applicationId, (String) result.get(REASON_CODE));
        }
        if (Boolean.TRUE.equals(result.get(WAITLIST_LAST))) {
            applications.placeLastInLine(applicationId);
        }
    }
}
