package tr.bel.izmit.kadinaile.common.engine;

import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperation;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricProcessInstanceManager;

/**
 * The engine's manager of process-instance history, which tells {@link HistoryStartTimes} whenever it changes removal
 * times (when the change is made and again when its transaction commits), so that no history row written afterwards
 * gets a removal time from before the change.
 */
class RemovalTimeAwareHistoricProcessInstanceManager extends HistoricProcessInstanceManager {

    private final HistoryStartTimes startTimes;

    RemovalTimeAwareHistoricProcessInstanceManager(HistoryStartTimes startTimes) {
        this.startTimes = startTimes;
    }

    @Override
    public Map<Class<? extends DbEntity>, DbOperation> addRemovalTimeToProcessInstancesByRootProcessInstanceId(
            String rootProcessInstanceId, Date removalTime, Integer batchSize, Set<String> entities) {
        changing();
        return super.addRemovalTimeToProcessInstancesByRootProcessInstanceId(rootProcessInstanceId, removalTime, batchSize,
            entities);
    }

    @Override
    public Map<Class<? extends DbEntity>, DbOperation> addRemovalTimeById(String processInstanceId, Date removalTime,
            Integer batchSize, Set<String> entities) {
        changing();
        return super.addRemovalTimeById(processInstanceId, removalTime, batchSize, entities);
    }

    private void changing() {
        startTimes.removalTimesChanging();
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> startTimes.removalTimesChanging());
        }
    }

    /** Opens a {@link RemovalTimeAwareHistoricProcessInstanceManager} for every command. */
    static final class Factory implements SessionFactory {

        private final HistoryStartTimes startTimes;

        Factory(HistoryStartTimes startTimes) {
            this.startTimes = startTimes;
        }

        @Override
        public Class<?> getSessionType() {
            return HistoricProcessInstanceManager.class;
        }

        @Override
        public Session openSession() {
            return new RemovalTimeAwareHistoricProcessInstanceManager(startTimes);
        }
    }
}
