package tr.bel.izmit.kadinaile.engine;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Hands every history event to the engine's database handler except
 * <ul>
 * <li>variable events of sensitive variables, so that neither ACT_HI_VARINST nor ACT_HI_DETAIL ever holds their
 * values, and</li>
 * <li>every form-field event ({@link HistoricFormPropertyEventEntity}, of any process and any field): a form
 * submitted through {@code submit-form} (Tasklist, {@code /engine-rest}) makes the engine write each submitted
 * string as a row of ACT_HI_DETAIL, the victim's name and the applicant's T.C. Kimlik No included, readable by
 * everyone who may read the instance's history ({@code GET /history/detail}). Nothing of ours reads them: the
 * reports, the dashboard, the portal's status page and the audit read our tables, process, activity, task and
 * incident history; the submitted values that matter are in our tables or in process variables.</li>
 * </ul>
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
        if (historyEvent instanceof HistoricFormPropertyEventEntity) {
            return true;
        }
        return historyEvent instanceof HistoricVariableUpdateEventEntity variableEvent
            && excludedVariables.contains(variableEvent.getVariableName());
    }
}
