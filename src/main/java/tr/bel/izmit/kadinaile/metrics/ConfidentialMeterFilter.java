package tr.bel.izmit.kadinaile.metrics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
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
    private final ObjectProvider<StaffRules> staffRules;
    /** Read at the first request meter, not at start: some staff rules' beans need the engine, whose meters come first. */
    private volatile Set<String> confidentialPaths;

    ConfidentialMeterFilter(StaffDirectory directory, ObjectProvider<StaffRules> staffRules) {
        this.confidentialKeys = directory.policies().stream().filter(ProcessAccessPolicy::confidential)
            .map(ProcessAccessPolicy::processKey).collect(Collectors.toUnmodifiableSet());
        this.staffRules = staffRules;
    }

    Set<String> confidentialKeys() {
        return confidentialKeys;
    }

    /** The endpoints of a confidential process, as each capability declares them with its staff rules. */
    private Set<String> confidentialPaths() {
        Set<String> paths = confidentialPaths;
        if (paths == null) {
            paths = staffRules.orderedStream().flatMap(rules -> rules.confidentialPaths().stream())
                .collect(Collectors.toUnmodifiableSet());
            confidentialPaths = paths;
        }
        return paths;
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String process = id.getTag(PROCESS_TAG);
        if (process != null && confidentialKeys.contains(process)) {
            return MeterFilterReply.DENY;
        }
        for (String tag : List.of("uri", "processDefinitionKey")) {
            String value = id.getTag(tag);
            if (value != null && confidentialKeys.stream().anyMatch(value::contains)) {
                return MeterFilterReply.DENY;
            }
        }
        String uri = id.getTag("uri");
        if (uri != null && confidentialPaths().stream().anyMatch(uri::startsWith)) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }
}
