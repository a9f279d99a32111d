package tr.bel.izmit.kadinaile.metrics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffDirectory;

/**
 * Keeps the confidential processes (the violence line) out of every meter, and so out of
 * {@code /actuator/prometheus}: no meter tagged with such a process key (instances started and ended, task
 * durations, job failures, incidents; see {@link EngineMetricsHistoryHandler}), and no request meter of the
 * line's own staff endpoints (their counts are the number of cases read or answered).
 *
 * <p>Why the line is left out instead of having its counts below {@code ViolenceLineStatistics.SUPPRESS_BELOW}
 * suppressed as the dashboard does: a Prometheus counter is cumulative and scraped every few seconds, so each
 * increment is visible on its own (one call recorded at 14:03, one case closed at 16:20); a count above the threshold
 * still gives away every single event through its differences between two scrapes. The dashboard's rule holds for a
 * count over a period, not for a time series. The line's figures are on the dashboard, suppressed there.
 */
@Component
class ConfidentialMeterFilter implements MeterFilter {

    /** Tag that names the process in our meters. */
    static final String PROCESS_TAG = "process";

    private final Set<String> confidentialKeys;
    private final Set<String> confidentialPaths;

    ConfidentialMeterFilter(StaffDirectory directory) {
        this.confidentialKeys = directory.policies().stream().filter(ProcessAccessPolicy::confidential)
            .map(ProcessAccessPolicy::processKey).collect(Collectors.toUnmodifiableSet());
        // our staff endpoints of a confidential process live under /api/staff/<short name>; the violence line's
        // are /api/staff/violence-line/**
        this.confidentialPaths = Set.of("/api/staff/violence-line");
    }

    Set<String> confidentialKeys() {
        return confidentialKeys;
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String process = id.getTag(PROCESS_TAG);
        if (process != null && confidentialKeys.contains(process)) {
            return MeterFilterReply.DENY;
        }
        for (String tag : List.of("uri", "processDefinitionKey")) {
            String value = id.getTag(tag);
            if (value != null && (confidentialKeys.stream().anyMatch(value::contains)
                    || confidentialPaths.stream().anyMatch(value::startsWith))) {
                return MeterFilterReply.DENY;
            }
        }
        return MeterFilterReply.NEUTRAL;
    }
}
