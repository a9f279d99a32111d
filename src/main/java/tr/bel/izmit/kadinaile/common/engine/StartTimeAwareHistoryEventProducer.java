package tr.bel.izmit.kadinaile.common.engine;

import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;

/**
 * The engine's history event producer, except that the removal time every history row of a running instance gets
 * (removal-time strategy {@code start}) comes from {@link HistoryStartTimes} when the root instance is known there,
 * instead of being read from ACT_HI_PROCINST once in every command of the instance.
 */
class StartTimeAwareHistoryEventProducer extends CacheAwareHistoryEventProducer {

    private final HistoryStartTimes startTimes;

    StartTimeAwareHistoryEventProducer(HistoryStartTimes startTimes) {
        this.startTimes = startTimes;
    }

    @Override
    protected HistoricProcessInstanceEventEntity getHistoricRootProcessInstance(String rootProcessInstanceId) {
        HistoricProcessInstanceEventEntity inThisCommand = findInCache(HistoricProcessInstanceEventEntity.class,
            rootProcessInstanceId);
        if (inThisCommand != null) {
            return inThisCommand;
        }
        HistoryStartTimes.ProcessTimes known = startTimes.process(rootProcessInstanceId);
        if (known != null) {
            HistoricProcessInstanceEventEntity root = new HistoricProcessInstanceEventEntity();
            root.setId(rootProcessInstanceId);
            root.setStartTime(known.startTime());
            root.setRemovalTime(known.removalTime());
            return root;
        }
        long changesBeforeRead = startTimes.removalTimeChanges();
        HistoricProcessInstanceEventEntity read = super.getHistoricRootProcessInstance(rootProcessInstanceId);
        if (read != null) {
            startTimes.processRead(rootProcessInstanceId, read.getStartTime(), read.getRemovalTime(), changesBeforeRead);
        }
        return read;
    }
}
