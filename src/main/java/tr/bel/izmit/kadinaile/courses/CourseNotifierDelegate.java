package tr.bel.izmit.kadinaile.courses;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseNotifications.Template;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * Service tasks "… bildir": queues the applicant's notification named by the task's input parameter
 * {@code notificationTemplate}. Written to the outbox in the engine's transaction, sent after commit.
 */
@Component("courseNotifier")
class CourseNotifierDelegate implements JavaDelegate {

    static final String TEMPLATE = "notificationTemplate";

    private final CourseNotifications notifications;

    CourseNotifierDelegate(CourseNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyApplicant((Long) execution.getVariable(Vars.APPLICATION_ID),
            Template.valueOf((String) execution.getVariableLocal(TEMPLATE)));
    }
}
