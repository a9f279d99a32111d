package tr.bel.izmit.kadinaile.common.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;

/**
 * A batch setting removal times, seen by {@link RemovalTimeBatchWatch} in the history only, as when another node of a
 * cluster created it and runs its jobs: the removal times kept before are forgotten and none is kept while it runs.
 */
@SpringBootTest
@ActiveProfiles("test")
class RemovalTimeBatchWatchTests {

    @Autowired
    RemovalTimeBatchWatch watch;
    @Autowired
    EnginePrivacyPlugin plugin;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;

    private final List<ProcessInstance> instances = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        instances.forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test clean-up", true, true));
    }

    @Test
    void shouldForgetTheKeptRemovalTimesWhenABatchChangesThemAndKeepNoneWhileItRuns() {
        watch.look();
        HistoryStartTimes times = plugin.startTimes();
        ProcessInstance before = start();
        assertThat(times.process(before.getId())).as("kept when it started").isNotNull();

        Batch batch = historyService.setRemovalTimeToHistoricProcessInstances()
            .absoluteRemovalTime(Date.from(Instant.parse("2028-01-01T00:00:00Z"))).byIds(before.getId()).executeAsync();
        watch.look();

        assertThat(times.process(before.getId())).as("forgotten once the batch is seen").isNull();
        ProcessInstance during = start();
        assertThat(times.process(during.getId())).as("none kept while the batch runs").isNull();

        executeJobs(batch.getSeedJobDefinitionId());
        executeJobs(batch.getBatchJobDefinitionId());
        executeJobs(batch.getMonitorJobDefinitionId());
        assertThat(historyService.createHistoricBatchQuery().batchId(batch.getId()).singleResult().getEndTime()).isNotNull();
        watch.look();

        ProcessInstance after = start();
        assertThat(times.process(after.getId())).as("kept again once the batch has ended").isNotNull();
    }

    private ProcessInstance start() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, MicrocreditTestData.startForm(2500));
        instances.add(instance);
        return instance;
    }

    private void executeJobs(String jobDefinitionId) {
        for (Job job : managementService.createJobQuery().jobDefinitionId(jobDefinitionId).list()) {
            managementService.executeJob(job.getId());
        }
    }
}
