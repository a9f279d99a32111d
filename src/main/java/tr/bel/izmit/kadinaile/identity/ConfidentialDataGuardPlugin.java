package tr.bel.izmit.kadinaile.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.batch.BatchJobHandler;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.stereotype.Component;

/**
 * Closes two routes around the authorizations of confidential processes (issue "Insiders", finding 3).
 *
 * <p>Batches: wraps every batch job handler of the engine in a {@link ConfidentialBatchGuard} for the confidential processes
 * and decisions of the {@link ProcessAccessPolicy policies} ({@link StaffDirectory}). The engine looks batch handlers up
 * in two maps, both filled during its init: {@code getJobHandlers()} (the batch builder, job execution) and {@code getBatchHandlers()}
 * (seed jobs, batch deletion); both get the same wrapper.
 *
 * <p>Refused job executions: see {@link RefusedJobExecutionIsNoFailure}, wrapped around the engine's failed-job
 * command factory.
 */
@Component
class ConfidentialDataGuardPlugin extends AbstractProcessEnginePlugin {

    private final Set<String> processKeys;
    private final Set<String> decisionKeys;

    ConfidentialDataGuardPlugin(StaffDirectory directory) {
        List<ProcessAccessPolicy> policies = directory.policies();
        this.processKeys = policies.stream().filter(ProcessAccessPolicy::confidential).map(ProcessAccessPolicy::processKey)
            .collect(Collectors.toUnmodifiableSet());
        this.decisionKeys = policies.stream().filter(ProcessAccessPolicy::confidential)
            .flatMap(policy -> policy.decisionKeys().stream()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!(configuration.getFailedJobCommandFactory() instanceof RefusedJobExecutionIsNoFailure)) {
            configuration.setFailedJobCommandFactory(new RefusedJobExecutionIsNoFailure(configuration.getFailedJobCommandFactory()));
        }
        Map<String, JobHandler> jobHandlers = configuration.getJobHandlers();
        for (Map.Entry<String, JobHandler> entry : jobHandlers.entrySet()) {
            if (entry.getValue() instanceof BatchJobHandler<?> handler) {
                entry.setValue((JobHandler) ConfidentialBatchGuard.guard(handler, processKeys, decisionKeys));
            }
        }
        Map<String, BatchJobHandler<?>> batchHandlers = configuration.getBatchHandlers();
        for (Map.Entry<String, BatchJobHandler<?>> entry : batchHandlers.entrySet()) {
            JobHandler guarded = jobHandlers.get(entry.getKey());
            entry.setValue(guarded instanceof BatchJobHandler<?> batchHandler ? batchHandler
                : (BatchJobHandler) ConfidentialBatchGuard.guard(entry.getValue(), processKeys, decisionKeys));
        }
    }
}
