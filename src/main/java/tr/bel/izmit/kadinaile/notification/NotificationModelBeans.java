package tr.bel.izmit.kadinaile.notification;

import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/**
 * The one notifier every process's models call ({@code ${applicantNotifier}} with the input
 * {@code notificationTemplate}); see {@link NotifierDelegate}. Only the names given here and by the capabilities are
 * reachable from expressions (see {@code engine.ModelBeans}).
 */
@Component
class NotificationModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        return ModelBeanContribution.sameNames("applicantNotifier");
    }
}
