package tr.bel.izmit.kadinaile.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes notifications to the outbox inside the caller's transaction (so a decision and its notification
 * commit or roll back together) and asks the dispatcher to send them once that transaction has committed.
 */
@Service
public class NotificationService {

    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationService(OutboxRepository outbox, OutboxDispatcher dispatcher, NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Queues one notification. A second call with the same dedup key (a retried job, a repeated message)
     * adds nothing.
     *
     * @return whether a new message was queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupKey, Channel channel, String recipient, String subject, String body) {
        Objects.requireNonNull(dedupKey, "dedupKey");
        if (recipient == null || recipient.isBlank()) {
            return false;
        }
        if (outbox.existsByDedupKey(dedupKey)) {
            return false;
        }
        outbox.save(new OutboxMessage(dedupKey, channel, recipient, subject, body, Instant.now(clock)));
        if (properties.dispatchAfterCommit() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.dispatchSoon();
                }
            });
        }
        return true;
    }
}
