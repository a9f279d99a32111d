package tr.bel.izmit.kadinaile.common.engine;

import java.util.Date;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The start times of the activity and process instances still running, kept between commands so that ending one in a
 * later command need not read its start time (for the duration) and its removal time back from the history tables:
 * one {@code select HAI.START_TIME_} per user task and one {@code select HPI.START_TIME_, HPI.REMOVAL_TIME_} per command
 * of a running instance (docs/benchmarks.md).
 *
 * <p>A start time never changes once written, so a kept one is always right; what is not kept (another node started
 * the instance, this node restarted, the bound was reached) is read from the database as before. An entry goes when
 * its instance ends. A removal time does change when someone sets one
 * ({@code HistoryService#setRemovalTimeToHistoricProcessInstances}, a batch): every such change made on this node
 * forgets all process entries at once, and {@link RemovalTimeBatchWatch} looks for such batches of any node every few
 * seconds, forgets all process entries when one was created and keeps none while one runs. A value read from the
 * database while a change was under way is not kept. So a removal time set on another node of a cluster reaches rows
 * this node writes within those seconds; Camunda itself gives rows written during the change the old one.
 */
final class HistoryStartTimes {

    /** What a process instance's later history needs of it: its start time and the removal time of its rows. */
    record ProcessTimes(Date startTime, Date removalTime) {
    }

    private final Cache<String, Date> activities;
    private final Cache<String, ProcessTimes> processes;
    private long removalTimeChanges;
    private long removalTimeBatches = -1;
    private boolean removalTimeBatchRunning;

    HistoryStartTimes(long maximumActivities, long maximumProcesses) {
        this.activities = Caffeine.newBuilder().maximumSize(maximumActivities).build();
        this.processes = Caffeine.newBuilder().maximumSize(maximumProcesses).build();
    }

    void activityStarted(String activityInstanceId, Date startTime) {
        if (activityInstanceId != null && startTime != null) {
            activities.put(activityInstanceId, startTime);
        }
    }

    /** The start time of a running activity instance, or {@code null} when it is not known here. */
    Date activityStartTime(String activityInstanceId) {
        return activityInstanceId == null ? null : activities.getIfPresent(activityInstanceId);
    }

    void activityEnded(String activityInstanceId) {
        if (activityInstanceId != null) {
            activities.invalidate(activityInstanceId);
        }
    }

    /** A process instance this node has just started, with the removal time given to its rows. */
    synchronized void processStarted(String processInstanceId, Date startTime, Date removalTime) {
        if (processInstanceId != null && startTime != null && !removalTimeBatchRunning) {
            processes.put(processInstanceId, new ProcessTimes(startTime, removalTime));
        }
    }

    /** The times of a running process instance, or {@code null} when they are not known here. */
    ProcessTimes process(String processInstanceId) {
        return processInstanceId == null ? null : processes.getIfPresent(processInstanceId);
    }

    /** Counts the removal-time changes made on this node; take it before reading a process instance's times. */
    synchronized long removalTimeChanges() {
        return removalTimeChanges;
    }

    /**
     * Keeps the times read from the database, unless a removal time was changed since {@code changesBeforeRead} was
     * taken: the read may have seen the old one.
     */
    synchronized void processRead(String processInstanceId, Date startTime, Date removalTime, long changesBeforeRead) {
        if (processInstanceId != null && changesBeforeRead == removalTimeChanges && startTime != null
                && !removalTimeBatchRunning) {
            processes.put(processInstanceId, new ProcessTimes(startTime, removalTime));
        }
    }

    void processEnded(String processInstanceId) {
        if (processInstanceId != null) {
            processes.invalidate(processInstanceId);
        }
    }

    /** Someone is changing removal times: forget every process entry. */
    synchronized void removalTimesChanging() {
        removalTimeChanges++;
        processes.invalidateAll();
    }

    /**
     * What {@link RemovalTimeBatchWatch} saw: how many removal-time batches the history holds and whether one of them
     * is still running. A new one (or a first look) forgets every process entry; while one runs, none is kept.
     */
    synchronized void removalTimeBatchesSeen(long batches, boolean running) {
        if (batches != removalTimeBatches || running) {
            removalTimesChanging();
        }
        removalTimeBatches = batches;
        removalTimeBatchRunning = running;
    }

    long activityCount() {
        activities.cleanUp();
        return activities.estimatedSize();
    }

    long processCount() {
        processes.cleanUp();
        return processes.estimatedSize();
    }
}
