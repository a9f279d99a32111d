package tr.bel.izmit.kadinaile.producers.stands;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Vars;
import tr.bel.izmit.kadinaile.producers.stands.StandNotifications.Template;

/** Service tasks "… bildir" of the stand request: queues the notification named by {@code notificationTemplate}. */
@Component("standNotifier")
class StandNotifierDelegate implements JavaDelegate {

    private final StandNotifications notifications;

    StandNotifierDelegate(StandNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.notifyProducer((Long) execution.getVariable(Vars.REQUEST_ID),
            Template.valueOf((String) execution.getVariableLocal("notificationTemplate")));
    }
}
