package tr.bel.izmit.kadinaile.producers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

/**
 * Demo only: a few fictitious producer applications and a stand request, so that the demo market coordinator
 * (seda.kurt) and food-safety officer (nur.ozdemir) find work in Tasklist. Created once, when no producer
 * application exists yet. Names and numbers are invented (identity and tax numbers only satisfy their checksums).
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class ProducerDemoCases {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerDemoCases.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;

    ProducerDemoCases(RuntimeService runtimeService, TaskService taskService, Clock clock) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void createDemoCases() {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ProducerOnboardingProcess.KEY).count() > 0
                || runtimeService.createProcessInstanceQuery().processDefinitionKey(MarketStandProcess.KEY).count() > 0) {
            return;
        }
        // a person from İzmit, waiting for the coordinators' review (seda.kurt)
        start(person("Sevim Yurt", "23456789060", "05551112233", "IZMIT", "Kozluk", List.of("TEXTILE", "HANDICRAFT"), "BOTH"));
        // a women's cooperative selling food: review (seda.kurt) and food-safety check (nur.ozdemir) in parallel
        Map<String, Object> cooperative = person("Gülten Ak", null, "05552223344", "KARTEPE", "Maşukiye", List.of("FOOD"), "ONLINE_SHOP");
        cooperative.put(Vars.APPLICANT_TYPE, "COOPERATIVE");
        cooperative.put(Vars.COOPERATIVE_NAME, "Çınar Kadın Kooperatifi");
        cooperative.put(Vars.TAX_NUMBER, "2701341846");
        cooperative.put(Vars.FOOD_REGISTRATION_NO, "TR-41-K-004512");
        cooperative.put(Vars.WOMENS_COOPERATIVE, "Çınar Kadın Kooperatifi");
        start(cooperative);
        // a villager of Hasancıklar, verified (stands only), with a stand request at the Karaabdülbaki market
        ProcessInstance villager = start(person("Hanife Köse", "34567890170", "05553334455", "IZMIT", "Hasancıklar",
            List.of("FOOD", "HANDICRAFT"), "STANDS"));
        complete(villager, Elements.FOOD_SAFETY, "nur.ozdemir", Map.of(Vars.FOOD_SAFETY_DECISION, "PASS"));
        complete(villager, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        complete(villager, Elements.RECORD_ORIENTATION, "seda.kurt", Map.of(Vars.ORIENTATION_ATTENDANCE, "ATTENDED"));
        Map<String, Object> stand = new HashMap<>();
        stand.put(MarketStandProcess.Vars.PRODUCER_CODE, villager.getBusinessKey());
        stand.put(MarketStandProcess.Vars.VERIFICATION_CODE, "4455");
        stand.put(MarketStandProcess.Vars.LOCATION, "KARAABDULBAKI_PAZARI");
        stand.put(MarketStandProcess.Vars.STAND_DATE, LocalDate.now(clock).plusDays(10).toString());
        stand.put(MarketStandProcess.Vars.NOTE, "Köy peyniri ve tarhana getireceğim.");
        runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, stand);
        LOG.info("Demo producer applications and stand request created");
    }

    private Map<String, Object> person(String name, String tcKimlikNo, String phone, String district, String neighbourhood,
            List<String> categories, String channel) {
        Map<String, Object> values = new HashMap<>();
        values.put(Vars.APPLICANT_TYPE, "PERSON");
        values.put(Vars.CONTACT_NAME, name);
        if (tcKimlikNo != null) {
            values.put(Vars.TC_KIMLIK_NO, tcKimlikNo);
        }
        values.put(Vars.PHONE, phone);
        values.put(Vars.DISTRICT, district);
        values.put(Vars.NEIGHBOURHOOD, neighbourhood);
        values.put(Vars.PRODUCT_CATEGORIES, categories);
        values.put(Vars.PRODUCTION_PLACE, "Evimin mutfağı ve bahçesi");
        values.put(Vars.SALES_CHANNEL, channel);
        if (categories.contains("FOOD")) {
            values.put(Vars.FOOD_REGISTRATION_NO, "TR-41-K-007788");
        }
        values.put(Vars.KVKK_CONSENT, true);
        return values;
    }

    private ProcessInstance start(Map<String, Object> values) {
        return runtimeService.startProcessInstanceByKey(ProducerOnboardingProcess.KEY, values);
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        // as the engine itself (no authenticated user); the claim names who decided
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), new HashMap<>(variables));
    }
}
