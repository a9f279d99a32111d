package tr.bel.izmit.kadinaile.engine;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's database history handler at history level full, minus what nobody reads (measured in
 * docs/benchmarks.md): every change of every variable (ACT_HI_DETAIL; the current value stays in ACT_HI_VARINST) and
 * the log of candidate groups added to and removed from tasks (ACT_HI_IDENTITYLINK; who claimed and who completed a
 * task stays in ACT_HI_TASKINST and the user operation log). Process, activity, task, incident, decision, job and
 * user-operation history, which the activity report, the dashboard, the portal's status page, Cockpit and the audit
 * trail read, are all kept, except the activity instances of exclusive, inclusive and parallel gateways. Such a gateway
 * decides nothing a later row does not tell: which way it went is the activity after it (kept), and a parallel join
 * waits only for its branches (kept). Nothing reads their rows (the reports, the dashboard and the portal read tasks,
 * events and instances; Cockpit's community edition shows running activities only), and they were two of the seven
 * activity rows of a microcredit application that ends at the committee. Event-based gateways, where an instance
 * waits for a message or a timer, are kept.
 *
 * <p>A task's history starts at the task's own creation time, so that completing or assigning it later takes the
 * start time (for the duration) from the task the command has loaded anyway, instead of reading it back from
 * ACT_HI_TASKINST: one statement less per task completion and per assignment. Likewise the activity and process
 * instances still running have their start times in {@link HistoryStartTimes}, so ending them in a later command reads
 * nothing back either (when a start time is not known there, it is read as before).
 */
class LeanDbHistoryEventHandler extends DbHistoryEventHandler {

    private final HistoryStartTimes startTimes;

    LeanDbHistoryEventHandler(HistoryStartTimes startTimes) {
        this.startTimes = startTimes;
    }

    /** The activity types whose instances leave no history (see the class comment). */
    static final Set<String> UNRECORDED_ACTIVITY_TYPES = Set.of(ActivityTypes.GATEWAY_EXCLUSIVE,
        ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_PARALLEL);

    @Override
    public void handleEvent(HistoryEvent historyEvent) {
        if (historyEvent instanceof HistoricIdentityLinkLogEventEntity) {
            return;
        }
        if (historyEvent instanceof HistoricActivityInstanceEventEntity activityEvent
                && UNRECORDED_ACTIVITY_TYPES.contains(activityEvent.getActivityType())) {
            return;
        }
        super.handleEvent(historyEvent);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
        return false;
    }

    @Override
    protected void insertOrUpdate(HistoryEvent historyEvent) {
        if (historyEvent instanceof HistoricActivityInstanceEventEntity activityEvent) {
            insertOrUpdateActivity(activityEvent);
            return;
        }
        if (historyEvent instanceof HistoricProcessInstanceEventEntity processEvent) {
            insertOrUpdateProcess(processEvent);
            return;
        }
        if (historyEvent instanceof HistoricTaskInstanceEventEntity taskEvent) {
            DbEntityManager entities = getDbEntityManager();
            TaskEntity task = entities.getCachedEntity(TaskEntity.class, taskEvent.getId());
            if (task != null && task.getCreateTime() != null) {
                if (isInitialEvent(taskEvent)) {
                    taskEvent.setStartTime(task.getCreateTime());
                } else if (entities.getCachedEntity(HistoricTaskInstanceEventEntity.class, taskEvent.getId()) == null) {
                    taskEvent.setStartTime(task.getCreateTime());
                    entities.merge(taskEvent);
                    return;
                }
            }
        }
        super.insertOrUpdate(historyEvent);
    }

    private void insertOrUpdateActivity(HistoricActivityInstanceEventEntity event) {
        if (isInitialEvent(event)) {
            super.insertOrUpdate(event);
            startTimes.activityStarted(event.getId(), event.getStartTime());
            return;
        }
        updateScope(event, isCached(event) ? null : startTimes.activityStartTime(event.getId()));
        if (event.getEndTime() != null) {
            startTimes.activityEnded(event.getId());
        }
    }

    private void insertOrUpdateProcess(HistoricProcessInstanceEventEntity event) {
        if (isInitialEvent(event)) {
            super.insertOrUpdate(event);
            startTimes.processStarted(event.getId(), event.getStartTime());
            return;
        }
        updateScope(event, isCached(event) ? null : startTimes.processStartTime(event.getId()));
        if (event.getEndTime() != null) {
            startTimes.processEnded(event.getId());
        }
    }

    /** Merges a later event of a scope with its start time when that is known here, else as the engine does. */
    private void updateScope(HistoricScopeInstanceEvent event, Date knownStartTime) {
        if (knownStartTime != null) {
            event.setStartTime(knownStartTime);
            getDbEntityManager().merge(event);
        } else {
            super.insertOrUpdate(event);
        }
    }

    private boolean isCached(HistoryEvent event) {
        return getDbEntityManager().getCachedEntity(event.getClass(), event.getId()) != null;
    }
}
