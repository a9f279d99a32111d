package tr.bel.izmit.kadinaile.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Turns the engine's history events into Micrometer meters: process instances started and ended (by process
 * key and end event), user task durations (by task definition key), job failures and incidents created.
 * It only reads the events (no variables, no personal data) and writes nothing. The events are produced
 * inside the engine's transaction, so a command that rolls back may still have been counted: these are
 * operations metrics, not figures for reports (those come from the database).
 */
class EngineMetricsHistoryHandler implements HistoryEventHandler {

    static final String PROCESS_STARTED = "kadinaile.process.instances.started";
    static final String PROCESS_ENDED = "kadinaile.process.instances.ended";
    static final String TASK_DURATION = "kadinaile.user.task.duration";
    static final String JOB_FAILURES = "kadinaile.job.failures";
    static final String INCIDENTS_CREATED = "kadinaile.incidents.created";

    private final Supplier<MeterRegistry> registry;

    EngineMetricsHistoryHandler(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        MeterRegistry meters = registry.get();
        if (meters == null) {
            return;
        }
        try {
            record(meters, event);
        } catch (RuntimeException e) {
            // metrics must never break the engine's command
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static void record(MeterRegistry meters, HistoryEvent event) {
        String type = event.getEventType();
        if (event instanceof HistoricProcessInstanceEventEntity instance) {
            if (HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(type)) {
                meters.counter(PROCESS_STARTED, "process", tag(instance.getProcessDefinitionKey())).increment();
            } else if (HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(type)) {
                meters.counter(PROCESS_ENDED, "process", tag(instance.getProcessDefinitionKey()),
                    "endEvent", tag(instance.getEndActivityId())).increment();
            }
        } else if (event instanceof HistoricTaskInstanceEventEntity task) {
            if (HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(type) && task.getDurationInMillis() != null) {
                meters.timer(TASK_DURATION, "process", tag(task.getProcessDefinitionKey()),
                    "task", tag(task.getTaskDefinitionKey())).record(Duration.ofMillis(task.getDurationInMillis()));
            }
        } else if (event instanceof HistoricJobLogEvent job) {
            if (HistoryEventTypes.JOB_FAIL.getEventName().equals(type)) {
                meters.counter(JOB_FAILURES, "process", tag(job.getProcessDefinitionKey()),
                    "activity", tag(job.getActivityId())).increment();
            }
        } else if (event instanceof HistoricIncidentEventEntity incident) {
            if (HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(type)) {
                meters.counter(INCIDENTS_CREATED, "process", tag(incident.getProcessDefinitionKey()),
                    "type", tag(incident.getIncidentType())).increment();
            }
        }
    }

    private static String tag(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
