package tr.bel.izmit.kadinaile.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Replaces the engine's default history handler with one that keeps sensitive variables out of history and writes only
 * the history that is read ({@link LeanDbHistoryEventHandler}), and keeps the start times of running instances
 * between commands ({@link HistoryStartTimes}) for it.
 */
@Component
class EnginePrivacyPlugin extends AbstractProcessEnginePlugin {

    private final Set<String> excluded = new HashSet<>();
    private final HistoryStartTimes startTimes = new HistoryStartTimes(50_000, 20_000);

    EnginePrivacyPlugin(List<SensitiveVariables> sensitiveVariables) {
        sensitiveVariables.forEach(s -> excluded.addAll(s.names()));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new PersonalDataHistoryFilter(new LeanDbHistoryEventHandler(startTimes), excluded));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    HistoryStartTimes startTimes() {
        return startTimes;
    }
}
