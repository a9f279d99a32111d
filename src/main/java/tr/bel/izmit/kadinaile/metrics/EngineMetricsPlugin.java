package tr.bel.izmit.kadinaile.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link EngineMetricsHistoryHandler} to the engine's history handlers, next to the privacy filter that
 * {@code EnginePrivacyPlugin} installs (the list is extended, never replaced). The meter registry is looked
 * up lazily: the engine is built before the registry exists.
 */
@Component
class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MeterRegistry> registry;
    /** The registry once it exists: asking the bean factory for it on every history event cost 1.5 % of a request. */
    private volatile MeterRegistry resolved;

    EngineMetricsPlugin(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new EngineMetricsHistoryHandler(this::registry));
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private MeterRegistry registry() {
        MeterRegistry meters = resolved;
        if (meters == null) {
            meters = registry.getIfAvailable();
            resolved = meters;
        }
        return meters;
    }
}
