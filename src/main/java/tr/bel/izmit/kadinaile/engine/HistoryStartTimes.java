package tr.bel.izmit.kadinaile.engine;

import java.util.Date;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The start times of the activity and process instances still running, kept between commands so that ending one in a
 * later command need not read its start time (for the duration) back from the history tables: one
 * {@code select HAI.START_TIME_} per user task and one {@code select HPI.START_TIME_} when an instance ends in a later
 * command than it started (docs/benchmarks.md).
 *
 * <p>A start time never changes once written, so a kept one is always right; what is not kept (another node started
 * the instance, this node restarted, the bound was reached) is read from the database as before. An entry goes when
 * its instance ends. (Removal times are not kept here: with removal-time strategy {@code end} a running instance has
 * none, and the engine computes it from the instance's end.)
 */
final class HistoryStartTimes {

    private final Cache<String, Date> activities;
    private final Cache<String, Date> processes;

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

    /** A process instance this node has just started. */
    void processStarted(String processInstanceId, Date startTime) {
        if (processInstanceId != null && startTime != null) {
            processes.put(processInstanceId, startTime);
        }
    }

    /** The start time of a running process instance, or {@code null} when it is not known here. */
    Date processStartTime(String processInstanceId) {
        return processInstanceId == null ? null : processes.getIfPresent(processInstanceId);
    }

    void processEnded(String processInstanceId) {
        if (processInstanceId != null) {
            processes.invalidate(processInstanceId);
        }
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
