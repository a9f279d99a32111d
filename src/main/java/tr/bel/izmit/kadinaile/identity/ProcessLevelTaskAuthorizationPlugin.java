package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Ticker;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Task authorization per process definition instead of per task.
 *
 * <p>Out of the box, the engine writes one authorization row per task and candidate (group, user, assignee, owner)
 * and every task query joins them with {@code RESOURCE_ID_ IN (task id, definition key, '*')}: a join PostgreSQL can
 * only run as tasks × rows, so Tasklist's first page took 18.5 s at 5,000 open tasks (docs/benchmarks.md). Here:
 * <ul>
 *   <li>{@link ProcessLevelAuthorizationProvider}: no per-task rows for process tasks;</li>
 *   <li>{@link IdentitySetup} grants each process's participant groups {@code READ_TASK} and {@code TASK_WORK} on
 *       its definition, so they see the tasks of the processes they work on;</li>
 *   <li>{@link CandidateTaskCommandChecker}: working on a task (claim, complete, assign, delegate, set its
 *       variables, change its candidates) still needs, besides that grant, that the user is the task's assignee or
 *       owner, one of its candidate users or in one of its candidate groups, exactly whom the per-task rows
 *       used to name.</li>
 * </ul>
 * What changes: a participant group sees (read-only) the other groups' tasks of the same process.
 *
 * <p>Also installs {@link TunedAuthorizationManager}: authorized groups and permission checks on definitions shared
 * between commands, and a user's own
 * task queue (her candidate groups, her assigned tasks) queried without the authorization join.
 */
@Component
class ProcessLevelTaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ProcessLevelAuthorizationProvider());
        // the engine's default checkers, with the authorization checker extended by the candidate rule
        configuration.setCommandCheckers(List.of(new TenantCommandChecker(), new CandidateTaskCommandChecker()));
        // authorized groups and definition-level permission checks shared between commands, Tasklist's queue query
        // without the authorization join
        List<SessionFactory> sessionFactories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessionFactories.addAll(configuration.getCustomSessionFactories());
        }
        Duration shared = Duration.ofSeconds(10);
        sessionFactories.add(new TunedAuthorizationManager.Factory(shared, System::nanoTime,
            new PermissionCheckCache(shared, Ticker.systemTicker())));
        configuration.setCustomSessionFactories(sessionFactories);
    }
}
