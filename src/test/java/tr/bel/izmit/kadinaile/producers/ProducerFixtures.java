package tr.bel.izmit.kadinaile.producers;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;

/** Verified producers made the real way: through the onboarding process (stands only, so no shop is opened). */
public final class ProducerFixtures {

    private ProducerFixtures() {
    }

    /** A verified producer; returns her producer code. */
    public static String verifiedProducer(RuntimeService runtime, TaskService tasks, IdentityService identity, Map<String, Object> form) {
        form.put("salesChannel", "STANDS");
        ProcessInstance instance = runtime.startProcessInstanceByKey(ProducerOnboardingProcess.KEY, form);
        complete(runtime, tasks, identity, instance, Elements.REVIEW, Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        complete(runtime, tasks, identity, instance, Elements.RECORD_ORIENTATION, Map.of(Vars.ORIENTATION_ATTENDANCE, "ATTENDED"));
        if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
            throw new IllegalStateException("onboarding did not end");
        }
        return instance.getBusinessKey();
    }

    /** A verified producer from İzmit living in the given neighbourhood or village. */
    public static String verifiedProducer(RuntimeService runtime, TaskService tasks, IdentityService identity, String neighbourhood,
            Map<String, Object> form) {
        form.put("neighbourhood", neighbourhood);
        return verifiedProducer(runtime, tasks, identity, form);
    }

    private static void complete(RuntimeService runtime, TaskService tasks, IdentityService identity, ProcessInstance instance,
            String taskKey, Map<String, Object> values) {
        identity.setAuthentication("seda.kurt", List.of("market-coordinators"));
        try {
            String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult().getId();
            tasks.complete(taskId, new java.util.HashMap<>(values));
        } finally {
            identity.clearAuthentication();
        }
    }
}
