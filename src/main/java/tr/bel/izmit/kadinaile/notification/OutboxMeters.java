package tr.bel.izmit.kadinaile.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What operators watch of the notifications ({@code /actuator/prometheus}): the counter
 * {@code kadinaile.notifications.delivery} of attempts by channel and outcome ({@code sent}, {@code retry},
 * {@code failed}), and the gauge {@code kadinaile.outbox.failed} of messages that will not be sent (by channel),
 * whose rows in {@code notification_outbox} say why. No tag holds a recipient or a process.
 */
@Component
class OutboxMeters {

    static final String SENT = "sent";
    static final String RETRY = "retry";
    static final String FAILED = "failed";

    private final MeterRegistry registry;

    OutboxMeters(MeterRegistry registry, OutboxRepository outbox) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            Gauge.builder("kadinaile.outbox.failed", outbox,
                    repository -> repository.countByStatusAndChannel(OutboxMessage.Status.FAILED, channel))
                .description("Notifications that were given up (invalid number or last attempt failed)")
                .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
        }
    }

    void delivered(Channel channel, String outcome) {
        Counter.builder("kadinaile.notifications.delivery")
            .description("Attempts to send a notification, by channel and outcome")
            .tag("channel", channel.name().toLowerCase(java.util.Locale.ROOT))
            .tag("outcome", outcome)
            .register(registry)
            .increment();
    }
}
