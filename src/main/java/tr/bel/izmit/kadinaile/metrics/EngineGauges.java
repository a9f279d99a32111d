package tr.bel.izmit.kadinaile.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.notification.OutboxMessage;
import tr.bel.izmit.kadinaile.notification.OutboxRepository;

/**
 * Gauges that query counts: open incidents, jobs out of retries, and the notification outbox backlog. Each
 * value is cached for {@link #CACHE_FOR}, so frequent scrapes do not hit the database. Registered once the
 * application is ready (the engine must exist before the registry asks).
 */
@Component
class EngineGauges {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final OutboxRepository outbox;
    private final Set<String> confidentialKeys;

    EngineGauges(MeterRegistry registry, RuntimeService runtimeService, ManagementService managementService,
            IdentityService identityService, OutboxRepository outbox, ConfidentialMeterFilter confidential) {
        this.registry = registry;
        this.confidentialKeys = confidential.confidentialKeys();
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.outbox = outbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        // the confidential processes' own figures are left out (see ConfidentialMeterFilter)
        gauge("kadinaile.incidents.open", "Open incidents of all processes but the confidential ones",
            unrestricted(() -> runtimeService.createIncidentQuery().count() - (confidentialKeys.isEmpty() ? 0
                : runtimeService.createIncidentQuery().processDefinitionKeyIn(confidentialKeys.toArray(String[]::new)).count())));
        gauge("kadinaile.jobs.no.retries", "Jobs that failed and have no retries left, of all processes but the confidential ones",
            unrestricted(() -> managementService.createJobQuery().noRetriesLeft().count() - confidentialKeys.stream()
                .mapToLong(key -> managementService.createJobQuery().noRetriesLeft().processDefinitionKey(key).count()).sum()));
        gauge("kadinaile.outbox.pending", "Notifications waiting in the outbox",
            () -> outbox.countByStatus(OutboxMessage.Status.PENDING));
    }

    private void gauge(String name, String description, LongSupplier query) {
        Cached cached = new Cached(query);
        Gauge.builder(name, cached, Cached::value).description(description).register(registry);
    }

    /**
     * A scrape runs on the caller's request, where the engine has her authentication: count over all
     * processes regardless of her authorizations, and give her authentication back afterwards.
     */
    private LongSupplier unrestricted(LongSupplier query) {
        return () -> {
            Authentication caller = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                return query.getAsLong();
            } finally {
                if (caller != null) {
                    identityService.setAuthentication(caller);
                }
            }
        };
    }

    /** Wall-clock caching (not the engine's clock, which tests move). */
    static final class Cached {

        private final LongSupplier query;
        private final AtomicReference<Instant> readAt = new AtomicReference<>(Instant.MIN);
        private volatile double value;

        Cached(LongSupplier query) {
            this.query = query;
        }

        double value() {
            Instant now = Clock.systemUTC().instant();
            Instant last = readAt.get();
            if (last.plus(CACHE_FOR).isBefore(now) && readAt.compareAndSet(last, now)) {
                try {
                    value = query.getAsLong();
                } catch (RuntimeException e) {
                    value = Double.NaN;
                }
            }
            return value;
        }
    }
}
