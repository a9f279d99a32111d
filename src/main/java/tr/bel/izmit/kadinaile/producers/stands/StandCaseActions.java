package tr.bel.izmit.kadinaile.producers.stands;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Elements;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Messages;

/** The producer cancels her stand request (with its tracking code, from the portal). */
@Service
@Transactional
public class StandCaseActions {

    private final RuntimeService runtimeService;

    StandCaseActions(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** @return false when the request is not (or no longer) cancellable */
    public boolean cancelByProducer(String trackingCode) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingCode)
            .processDefinitionKey(MarketStandProcess.KEY).active().singleResult();
        List<String> waitingAt = instance == null ? List.of() : runtimeService.getActiveActivityIds(instance.getId());
        if (!cancellableAt(waitingAt)) {
            return false;
        }
        runtimeService.createMessageCorrelation(Messages.CANCELLED_BY_PRODUCER).processInstanceId(instance.getId()).correlate();
        return true;
    }

    static boolean cancellableAt(java.util.Collection<String> activeActivityIds) {
        return !activeActivityIds.isEmpty() && Elements.CANCELLABLE_AT.containsAll(activeActivityIds);
    }
}
