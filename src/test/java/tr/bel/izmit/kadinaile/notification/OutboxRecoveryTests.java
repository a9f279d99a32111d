package tr.bel.izmit.kadinaile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.notification.NotificationTransport.Delivery;
import tr.bel.izmit.kadinaile.notification.OutboxMessage.Status;

/**
 * A message left in SENDING by a crash (claimed, then the node died before the result was recorded): after
 * the sending timeout an at-least-once channel (a provider that drops repeated idempotency keys) sends it
 * again under the same key, an at-most-once channel marks it FAILED / INTERRUPTED for staff and never sends it
 * again; a message claimed only a moment ago is left to its live dispatcher.
 */
@SpringBootTest(properties = "app.notification.sending-timeout=PT5M")
@ActiveProfiles("test")
class OutboxRecoveryTests {

    @Autowired
    NotificationService notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    List<Recording> providers;

    private String key;

    @BeforeEach
    void setUp() {
        dispatcher.dispatchPending();
        providers.forEach(Recording::reset);
        key = "recovery-test-" + UUID.randomUUID();
    }

    @Test
    void shouldSendAnInterruptedSmsAgainUnderTheSameKey() {
        Long id = interruptedMessage(Channel.SMS, "05321234567", Instant.now().minusSeconds(600));

        int requeued = dispatcher.recoverInterrupted();
        dispatcher.dispatchPending();

        assertThat(requeued).isEqualTo(1);
        assertThat(provider(Channel.SMS).keys).containsExactly(key);
        OutboxMessage message = outbox.findById(id).orElseThrow();
        assertThat(message.getStatus()).isEqualTo(Status.SENT);
        assertThat(message.getAttempts()).isEqualTo(2);
    }

    @Test
    void shouldNeverSendAnInterruptedEmailAgain() {
        Long id = interruptedMessage(Channel.EMAIL, "ayten@example.org", Instant.now().minusSeconds(600));

        int requeued = dispatcher.recoverInterrupted();
        dispatcher.dispatchPending();
        dispatcher.recoverInterrupted();
        dispatcher.dispatchPending();

        assertThat(requeued).isZero();
        assertThat(provider(Channel.EMAIL).keys).isEmpty();
        OutboxMessage message = outbox.findById(id).orElseThrow();
        assertThat(message.getStatus()).isEqualTo(Status.FAILED);
        assertThat(message.getLastError()).isEqualTo("INTERRUPTED");
        assertThat(message.getSentAt()).isNull();
    }

    @Test
    void shouldLeaveAMessageClaimedAMomentAgoToItsDispatcher() {
        Long sms = interruptedMessage(Channel.SMS, "05321234567", Instant.now().minusSeconds(30));

        assertThat(dispatcher.recoverInterrupted()).isZero();
        dispatcher.dispatchPending();

        assertThat(outbox.findById(sms).orElseThrow().getStatus()).isEqualTo(Status.SENDING);
        assertThat(provider(Channel.SMS).keys).isEmpty();
    }

    /** A committed message, claimed at the given time by a dispatcher that then died. */
    private Long interruptedMessage(Channel channel, String recipient, Instant claimedAt) {
        tx.executeWithoutResult(status -> notifications.enqueue(key, channel, recipient, "Konu", "Mikrokredi başvurunuz alındı."));
        Long id = outbox.findByDedupKeyStartingWithOrderByIdAsc(key).get(0).getId();
        Integer claimed = tx.execute(status -> outbox.claim(id, claimedAt));
        assertThat(claimed).isEqualTo(1);
        return id;
    }

    private Recording provider(Channel channel) {
        return providers.stream().filter(p -> p.channel() == channel).findFirst().orElseThrow();
    }

    /** A provider that records the keys it accepted. */
    static final class Recording implements NotificationTransport {
        private final Channel channel;
        private final Delivery delivery;
        final List<String> keys = new CopyOnWriteArrayList<>();

        Recording(Channel channel, Delivery delivery) {
            this.channel = channel;
            this.delivery = delivery;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public Delivery delivery() {
            return delivery;
        }

        @Override
        public void send(String idempotencyKey, String recipient, String subject, String body) {
            keys.add(idempotencyKey);
        }

        void reset() {
            keys.clear();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Providers {
        @Bean
        Recording smsProviderDroppingRepeats() {
            return new Recording(Channel.SMS, Delivery.AT_LEAST_ONCE);
        }

        @Bean
        Recording smtpLikeEmail() {
            return new Recording(Channel.EMAIL, Delivery.AT_MOST_ONCE);
        }
    }
}
