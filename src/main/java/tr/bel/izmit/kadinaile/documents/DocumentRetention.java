package tr.bel.izmit.kadinaile.documents;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * KVKK: uploaded documents live exactly as long as their case's trail in the engine. A case's files are erased once
 * the engine no longer knows the case: when its instance was deleted, or when the engine's history cleanup removed a
 * finished case after its time to live (the violence line takes no uploads). Runs nightly after the engine's cleanup
 * window ({@code app.documents.retention-cron}, default 05:30) and on demand.
 */
@Component
class DocumentRetention {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentRetention.class);

    private final DocumentStore store;
    private final HistoryService historyService;

    DocumentRetention(DocumentStore store, HistoryService historyService) {
        this.store = store;
        this.historyService = historyService;
    }

    /** Erases the files of every case the engine no longer has; returns how many files. */
    @Scheduled(cron = "${app.documents.retention-cron:0 30 5 * * *}", zone = "Europe/Istanbul")
    @Transactional
    public int eraseFilesOfGoneCases() {
        int erased = 0;
        for (String[] found : store.cases()) {
            boolean known = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(found[0])
                .processInstanceBusinessKey(found[1]).count() > 0;
            if (!known) {
                erased += store.deleteCase(found[0], found[1]);
            }
        }
        if (erased > 0) {
            LOG.info("erased {} uploaded files of cases the engine no longer has", erased);
        }
        return erased;
    }
}
