package tr.bel.izmit.kadinaile.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each message is first claimed (PENDING to SENDING) in its own committed
 * transaction, so that two dispatchers, on one node or on two, never send the same message.
 *
 * <p>A send that fails is tried again after a pause that doubles with each attempt ({@code app.notification.retry-backoff}
 * up to {@code max-backoff}), at most {@code max-attempts} times; a failure the transport calls permanent
 * ({@link DeliveryFailedException}, e.g. an invalid number) is not tried again. Either way the message ends FAILED, with
 * its reason and never its content, where staff see it (the outbox row, the meter {@code kadinaile.outbox.failed}).
 *
 * <p>A message left in SENDING by a crash (claimed longer ago than {@code app.notification.sending-timeout})
 * is handled by its channel's {@link NotificationTransport.Delivery}: sent again with the same idempotency key
 * when the provider drops repeats (at least once, so exactly once for the citizen), otherwise marked FAILED
 * with {@code INTERRUPTED} for staff to check (at most once: never a second e-mail).
 */
@Component
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final TransactionTemplate tx;
    private final Map<Channel, NotificationTransport> transports = new EnumMap<>(Channel.class);
    private final NotificationProperties properties;
    private final Clock clock;
    private final OutboxMeters meters;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-dispatcher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();

    OutboxDispatcher(OutboxRepository outbox, TransactionTemplate tx, List<NotificationTransport> transports,
            NotificationProperties properties, Clock clock, OutboxMeters meters) {
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        for (NotificationTransport transport : transports) {
            NotificationTransport other = this.transports.get(transport.channel());
            if (other == null || (other.isFallback() && !transport.isFallback())) {
                this.transports.put(transport.channel(), transport);
            } else if (!transport.isFallback()) {
                throw new IllegalStateException("two transports for channel " + transport.channel());
            }
        }
    }

    /** Asks for a dispatch in the background, coalescing requests that arrive while one is queued. */
    void dispatchSoon() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                scheduled.set(false);
                dispatchPending();
            });
        }
    }

    @Scheduled(fixedDelayString = "${app.notification.dispatch-interval:PT15S}", initialDelayString = "PT10S")
    public void poll() {
        recoverInterrupted();
        dispatchPending();
    }

    /**
     * Settles messages whose send was interrupted by a crash (see the class comment); returns how many were
     * put back to pending. A message claimed less than the sending timeout ago may still be in a live
     * dispatcher's hands and is left alone.
     */
    public synchronized int recoverInterrupted() {
        Instant claimedBefore = Instant.now(clock).minus(properties.sendingTimeout());
        List<OutboxMessage> interrupted = tx.execute(status -> outbox.findInterrupted(claimedBefore, Limit.of(BATCH)));
        int requeued = 0;
        for (OutboxMessage message : interrupted) {
            NotificationTransport transport = transports.get(message.getChannel());
            boolean again = transport != null && transport.delivery() == NotificationTransport.Delivery.AT_LEAST_ONCE;
            Integer changed = tx.execute(status -> again
                ? outbox.requeueInterrupted(message.getId(), claimedBefore)
                : outbox.abandonInterrupted(message.getId(), claimedBefore));
            if (changed != null && changed == 1) {
                LOG.warn("Notification {} ({}) was interrupted while being sent: {}", message.getId(), message.getChannel(),
                    again ? "sending it again with the same idempotency key" : "not sent again, marked FAILED for staff");
                if (again) {
                    requeued++;
                }
            }
        }
        return requeued;
    }

    /** Sends every pending message once; returns how many were sent. */
    public synchronized int dispatchPending() {
        int sent = 0;
        List<Long> ids;
        do {
            ids = tx.execute(status -> outbox.findPendingIds(Instant.now(clock), Limit.of(BATCH)));
            int claimedInBatch = 0;
            for (Long id : ids) {
                Integer claimed = tx.execute(status -> outbox.claim(id, Instant.now(clock)));
                if (claimed == null || claimed == 0) {
                    continue;
                }
                claimedInBatch++;
                if (send(id)) {
                    sent++;
                }
            }
            if (claimedInBatch == 0) {
                break;
            }
        } while (ids.size() == BATCH);
        return sent;
    }

    private boolean send(Long id) {
        OutboxMessage message = tx.execute(status -> outbox.findById(id).orElseThrow());
        NotificationTransport transport = transports.get(message.getChannel());
        try {
            if (transport == null) {
                throw new IllegalStateException("no transport for " + message.getChannel());
            }
            transport.send(message.getDedupKey(), message.getRecipient(), message.getSubject(), message.getBody());
        } catch (DeliveryFailedException e) {
            failed(message, e.reason(), e.permanent());
            return false;
        } catch (RuntimeException e) {
            // only the exception's type: its message may quote the recipient or the text
            failed(message, e.getClass().getSimpleName(), false);
            return false;
        }
        tx.executeWithoutResult(status -> outbox.markSent(id, Instant.now(clock)));
        meters.delivered(message.getChannel(), OutboxMeters.SENT);
        return true;
    }

    /**
     * A permanent failure ends the message at once; any other sends it back to pending, to be tried again after a
     * pause that doubles with each attempt, until the last attempt fails it for good. A failed message stays in the
     * outbox (status FAILED, its reason in last_error) and is counted by the meter {@code kadinaile.outbox.failed}.
     */
    private void failed(OutboxMessage message, String reason, boolean permanent) {
        Long id = message.getId();
        int attempts = message.getAttempts();
        boolean last = permanent || attempts >= properties.maxAttempts();
        if (permanent) {
            tx.executeWithoutResult(status -> outbox.markUndeliverable(id, reason));
        } else {
            Instant next = Instant.now(clock).plus(properties.backoffAfter(attempts));
            tx.executeWithoutResult(status -> outbox.markFailed(id, reason, properties.maxAttempts(), next));
        }
        meters.delivered(message.getChannel(), last ? OutboxMeters.FAILED : OutboxMeters.RETRY);
        if (last) {
            LOG.warn("Notification {} ({}) not sent after {} attempt(s), marked FAILED for staff: {}", id, message.getChannel(),
                attempts, reason);
        } else {
            LOG.warn("Notification {} ({}) not sent, attempt {} of {}, will be tried again: {}", id, message.getChannel(),
                attempts, properties.maxAttempts(), reason);
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
