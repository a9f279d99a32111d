package tr.bel.izmit.kadinaile.producers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.ProducerNotifications.Template;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;

/**
 * Service tasks "… bildir" of the onboarding: queues the producer's notification named by the task's input
 * parameter {@code notificationTemplate}; written to the outbox in the engine's transaction, sent after commit.
 */
@Component("producerNotifier")
class ProducerNotifierDelegate implements JavaDelegate {

    static final String TEMPLATE = "notificationTemplate";

    private final ProducerNotifications notifications;

    ProducerNotifierDelegate(ProducerNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Template template = Template.valueOf((String) execution.getVariableLocal(TEMPLATE));
        String detail = switch (template) {
            case INFO_REQUESTED -> (String) execution.getVariable(Vars.INFO_REQUEST);
            case REJECTED -> (String) execution.getVariable(Vars.REJECTION_REASON);
            case FOOD_SAFETY_FAILED -> (String) execution.getVariable(Vars.FOOD_SAFETY_NOTE);
            default -> null;
        };
        String occurrence = template == Template.INFO_REQUESTED ? execution.getActivityInstanceId() : null;
        notifications.notifyProducer((Long) execution.getVariable(Vars.PRODUCER_ID), template, detail, occurrence);
    }
}
