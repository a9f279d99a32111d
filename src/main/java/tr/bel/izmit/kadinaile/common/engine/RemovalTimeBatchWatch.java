package tr.bel.izmit.kadinaile.common.engine;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells {@link HistoryStartTimes} about the batches that set removal times of process instances, whichever node of a
 * cluster created them or runs their jobs: two counts on ACT_HI_BATCH every few seconds.
 */
@Component
class RemovalTimeBatchWatch {

    private final HistoryService historyService;
    private final HistoryStartTimes startTimes;

    RemovalTimeBatchWatch(HistoryService historyService, EnginePrivacyPlugin plugin) {
        this.historyService = historyService;
        this.startTimes = plugin.startTimes();
    }

    @Scheduled(fixedDelayString = "${app.engine.removal-time-batch-watch:PT5S}")
    void look() {
        long batches = historyService.createHistoricBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME).count();
        long running = historyService.createHistoricBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME)
            .completed(false).count();
        startTimes.removalTimeBatchesSeen(batches, running > 0);
    }
}
