package tr.bel.izmit.kadinaile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's claim and sent marks are native SQL while the entity and the recovery query read the same columns
 * through JPA: an instant written by one must be the instant read by the other, to the microsecond, on every
 * database (a time-zone shift would make the crash recovery requeue a message hours early or late).
 */
final class OutboxTimes {

    private OutboxTimes() {
    }

    static void shouldReadTheInstantsTheNativeUpdatesWrote(NotificationService notifications, OutboxRepository outbox,
            TransactionTemplate tx) {
        String key = "outbox-times-" + UUID.randomUUID();
        tx.executeWithoutResult(status -> notifications.enqueue(key, Channel.SMS, "05321234567", null, "Deneme"));
        Long id = outbox.findByDedupKeyStartingWithOrderByIdAsc(key).get(0).getId();
        Instant claimedAt = Instant.parse("2026-03-01T10:15:30.123456Z");
        Instant sentAt = Instant.parse("2026-03-01T10:15:31.654321Z");

        assertThat((Integer) tx.execute(status -> outbox.claim(id, claimedAt))).isEqualTo(1);
        assertThat((Integer) tx.execute(status -> outbox.claim(id, claimedAt))).as("a second claim").isZero();
        OutboxMessage claimed = tx.execute(status -> outbox.findById(id).orElseThrow());
        assertThat(claimed.getStatus()).isEqualTo(OutboxMessage.Status.SENDING);
        assertThat(claimed.getClaimedAt()).isEqualTo(claimedAt);
        assertThat(claimed.getAttempts()).isEqualTo(1);
        List<Long> interruptedAfter = tx.execute(status -> outbox.findInterrupted(claimedAt.plus(Duration.ofSeconds(1)),
            Limit.of(1000)).stream().map(OutboxMessage::getId).toList());
        List<Long> interruptedBefore = tx.execute(status -> outbox.findInterrupted(claimedAt.minus(Duration.ofSeconds(1)),
            Limit.of(1000)).stream().map(OutboxMessage::getId).toList());
        assertThat(interruptedAfter).contains(id);
        assertThat(interruptedBefore).doesNotContain(id);

        assertThat((Integer) tx.execute(status -> outbox.markSent(id, sentAt))).isEqualTo(1);
        OutboxMessage sent = tx.execute(status -> outbox.findById(id).orElseThrow());
        assertThat(sent.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(sent.getSentAt()).isEqualTo(sentAt);
        assertThat(sent.getLastError()).isNull();
    }
}
