package tr.bel.izmit.kadinaile.common.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Hands every history event to the engine's database handler except variable events of sensitive
 * variables, so that neither ACT_HI_VARINST nor ACT_HI_DETAIL ever holds their values.
 */
public class PersonalDataHistoryFilter implements HistoryEventHandler {

    private final HistoryEventHandler delegate;
    private final Set<String> excludedVariables;

    public PersonalDataHistoryFilter(HistoryEventHandler delegate, Set<String> excludedVariables) {
        this.delegate = delegate;
        this.excludedVariables = Set.copyOf(excludedVariables);
    }

    @Override
    public void handleEvent(HistoryEvent historyEvent) {
        if (!isExcluded(historyEvent)) {
            delegate.handleEvent(historyEvent);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> historyEvents) {
        for (HistoryEvent historyEvent : historyEvents) {
            handleEvent(historyEvent);
        }
    }

    boolean isExcluded(HistoryEvent historyEvent) {
        return historyEvent instanceof HistoricVariableUpdateEventEntity variableEvent
            && excludedVariables.contains(variableEvent.getVariableName());
    }
}
