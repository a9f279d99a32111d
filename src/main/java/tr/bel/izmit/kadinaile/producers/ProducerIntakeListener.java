package tr.bel.izmit.kadinaile.producers;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.holunda.camunda.bpm.data.CamundaBpmData;

import tr.bel.izmit.kadinaile.producers.ProducerNotifications.Template;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Decisions;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Typed;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;

/**
 * Runs when an application starts, right after the start form was validated: checks the domain rules, stores
 * the producer in our table, makes her tracking code the business key, and keeps in the process only ids,
 * routing data and what the coordinators and food-safety officers need. Identity numbers, phone, e-mail, the
 * contact's name and the place of production leave the process (and never reach its history).
 */
@Component("producerIntake")
class ProducerIntakeListener implements ExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Producers producers;
    private final ProducerNotifications notifications;

    ProducerIntakeListener(Producers producers, ProducerNotifications notifications) {
        this.producers = producers;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Producer producer = producers.register(execution.getVariables(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(producer.getTrackingCode());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setVariables(CamundaBpmData.builder()
            .set(Typed.PRODUCER_ID, producer.getId())
            .set(Typed.TRACKING_CODE, producer.getTrackingCode())
            .set(Typed.PRODUCER_NAME, producer.displayName())
            .set(Typed.SELLS_FOOD, producer.isSellsFood())
            .set(Typed.SHOP_NEEDED, !Decisions.STANDS.equals(producer.getSalesChannel()))
            .build()
            // as Tasklist submits a checklist: a JSON variable, whoever started the process
            .putValue(Vars.PRODUCT_CATEGORIES, SpinValues.jsonValue(JSON.valueToTree(producer.getProductCategories()).toString()).create()));
        if (!producer.isSellsFood()) {
            execution.removeVariable(Vars.FOOD_REGISTRATION_NO);
        }
        notifications.notifyProducer(producer.getId(), Template.RECEIVED, null, null);
    }
}
