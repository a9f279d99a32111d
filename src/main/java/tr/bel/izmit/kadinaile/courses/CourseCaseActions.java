package tr.bel.izmit.kadinaile.courses;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Messages;

/** Actions that move a running course application on through a message: our record and the process change together. */
@Service
@Transactional
public class CourseCaseActions {

    private final CourseApplicationRepository applications;
    private final CourseApplications courseApplications;
    private final RuntimeService runtimeService;

    CourseCaseActions(CourseApplicationRepository applications, CourseApplications courseApplications, RuntimeService runtimeService) {
        this.applications = applications;
        this.courseApplications = courseApplications;
        this.runtimeService = runtimeService;
    }

    /**
     * The applicant withdraws with her tracking code before the course starts; her seat goes to the next in line.
     *
     * @return false when the application is not (or no longer) withdrawable
     */
    public boolean withdrawByApplicant(String trackingCode) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingCode)
            .processDefinitionKey(CourseProcess.KEY).active().singleResult();
        List<String> waitingAt = instance == null ? List.of() : runtimeService.getActiveActivityIds(instance.getId());
        if (waitingAt.isEmpty() || !Elements.WITHDRAWABLE_AT.containsAll(waitingAt)) {
            return false;
        }
        CourseApplication application = applications.findByTrackingCode(trackingCode).orElse(null);
        if (application == null || !courseApplications.isWithdrawable(application)) {
            return false;
        }
        runtimeService.createMessageCorrelation(Messages.WITHDRAWN_BY_APPLICANT)
            .processInstanceBusinessKey(trackingCode)
            .correlate();
        return true;
    }

    /** Whether the portal may offer withdrawal for this application. */
    @Transactional(readOnly = true)
    public boolean isWithdrawable(String trackingCode) {
        return applications.findByTrackingCode(trackingCode).map(courseApplications::isWithdrawable).orElse(false);
    }
}
