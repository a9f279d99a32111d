package tr.bel.izmit.kadinaile.common.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's database history handler at history level full, minus what nobody reads (measured in
 * docs/benchmarks.md): every change of every variable (ACT_HI_DETAIL; the current value stays in ACT_HI_VARINST) and
 * the log of candidate groups added to and removed from tasks (ACT_HI_IDENTITYLINK; who claimed and who completed a
 * task stays in ACT_HI_TASKINST and the user operation log). Process, activity, task, incident, decision, job and
 * user-operation history, which the activity report, the dashboard, the portal's status page, Cockpit and the audit
 * trail read, are all kept.
 */
class LeanDbHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent historyEvent) {
        if (!(historyEvent instanceof HistoricIdentityLinkLogEventEntity)) {
            super.handleEvent(historyEvent);
        }
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
        return false;
    }
}
