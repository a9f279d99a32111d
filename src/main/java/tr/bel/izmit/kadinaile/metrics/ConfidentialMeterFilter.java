package tr.bel.izmit.kadinaile.metrics;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.web.StaffRules;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffDirectory;

/**
 * Keeps the confidential processes (the violence line, İZGİM counselling) out of every meter, and so out of
 * {@code /actuator/prometheus}: no meter tagged with such a process key (instances started and ended, task
 * durations, job failures, incidents; see {@link EngineMetricsHistoryHandler}), and no request meter of the
 * endpoints the capabilities declare confidential ({@link StaffRules#confidentialPaths()}: their counts are the number
 * of cases read or answered).
 *
 * <p>Why the line is left out instead of having its counts below {@code ViolenceLineStatistics.SUPPRESS_BELOW}
 * suppressed as the dashboard does: a Prometheus counter is cumulative and scraped every few seconds, so each
 * increment is visible on its own (one call recorded at 14:03, one case closed at 16:20); a count above the threshold
 * still gives away every single event through its differences between two scrapes. The dashboard's rule holds for a
 * count over a period, not for a time series. The line's figures are on the dashboard, suppressed there.
 *
 * <p>When it learns what: the process keys at once, from the access policies (declarations without dependencies), since
 * the engine's meters are registered while the application starts. The paths once every bean of the application exists
 * ({@link SmartInitializingSingleton}, before the web server takes its first request): a staff rules bean may need the
 * engine, and the engine needs the meter registry, which needs this filter, so asking for the rules here at creation
 * would be a cycle. Until then a meter that names a request path is refused (none is registered before the server
 * starts; refusing keeps the filter closed rather than open should one appear).
 */
@Component
class ConfidentialMeterFilter implements MeterFilter, SmartInitializingSingleton {

    /** Tag that names the process in our meters. */
    static final String PROCESS_TAG = "process";
    /** Tag that names the request path of a request meter (server and client). */
    static final String URI_TAG = "uri";

    private final Set<String> confidentialKeys;
    private final ObjectProvider<StaffRules> staffRules;
    /** Null until every bean exists ({@link #afterSingletonsInstantiated()}). */
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
    @Override
    public void afterSingletonsInstantiated() {
        confidentialPaths = staffRules.orderedStream().flatMap(rules -> rules.confidentialPaths().stream())
            .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String process = id.getTag(PROCESS_TAG);
        if (process != null && confidentialKeys.contains(process)) {
            return MeterFilterReply.DENY;
        }
        for (String tag : List.of(URI_TAG, "processDefinitionKey")) {
            String value = id.getTag(tag);
            if (value != null && confidentialKeys.stream().anyMatch(value::contains)) {
                return MeterFilterReply.DENY;
            }
        }
        String uri = id.getTag(URI_TAG);
        if (uri == null) {
            return MeterFilterReply.NEUTRAL;
        }
        Set<String> paths = confidentialPaths;
        return paths == null || paths.stream().anyMatch(uri::startsWith) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
}
