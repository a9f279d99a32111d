package tr.bel.izmit.kadinaile.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.notification.OutboxMessage.Status;

/** The outbox on the real database: transactional enqueueing, one send per message, retries and giving up. */
@SpringBootTest
@ActiveProfiles("test")
class OutboxDispatcherTests {

    @Autowired
    NotificationService notifications;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    RecordingSmsTransport sms;
    @Autowired
    List<NotificationTransport> transports;

    @Value("${app.notification.max-attempts}")
    int maxAttempts;

    private String key;

    @BeforeEach
    void setUp() {
        // Nothing left over by another test may be sent (or fail) during this one.
        sms.reset();
        dispatcher.dispatchPending();
        sms.reset();
        key = "outbox-test-" + UUID.randomUUID();
    }

    @Test
    void shouldPreferTheProviderTransportToTheLoggingFallback() {
        assertThat(transports).filteredOn(transport -> transport.channel() == Channel.SMS && !transport.isFallback())
            .containsExactly(sms);
        assertThat(transports).filteredOn(LoggingSmsTransport.class::isInstance).allMatch(NotificationTransport::isFallback);
        enqueueCommitted(key, "05321234567");

        dispatcher.dispatchPending();

        assertThat(sms.keysSent()).containsExactly(key);
    }

    @Test
    void shouldSendACommittedMessageExactlyOnce() {
        assertThat(enqueueCommitted(key, "05321234567")).isTrue();
        assertThat(message(key).getStatus()).isEqualTo(Status.PENDING);

        int sent = dispatcher.dispatchPending();

        assertThat(sent).isEqualTo(1);
        assertThat(sms.keysSent()).containsExactly(key);
        OutboxMessage message = message(key);
        assertThat(message.getStatus()).isEqualTo(Status.SENT);
        assertThat(message.getSentAt()).isNotNull();
        assertThat(message.getAttempts()).isEqualTo(1);
        assertThat(message.getLastError()).isNull();
        assertThat(sms.recipientsSent()).containsExactly("05321234567");

        int sentAgain = dispatcher.dispatchPending();

        assertThat(sentAgain).isZero();
        assertThat(sms.keysSent()).containsExactly(key);
        assertThat(message(key).getStatus()).isEqualTo(Status.SENT);
    }

    @Test
    void shouldStoreOneRowForTwoEnqueuesWithTheSameDedupKey() {
        boolean first = enqueueCommitted(key, "05321234567");
        boolean second = enqueueCommitted(key, "05329999999");
        Boolean bothInOneTransaction = tx.execute(status ->
            notifications.enqueue(key, Channel.SMS, "05321234567", null, "Tekrar") );

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(bothInOneTransaction).isFalse();
        assertThat(outbox.findByDedupKeyStartingWithOrderByIdAsc(key)).hasSize(1);

        dispatcher.dispatchPending();

        assertThat(sms.keysSent()).containsExactly(key);
        assertThat(sms.recipientsSent()).containsExactly("05321234567");
    }

    @Test
    void shouldStoreOneRowForTwoEnqueuesWithTheSameDedupKeyInOneTransaction() {
        Boolean[] results = tx.execute(status -> new Boolean[] {
            notifications.enqueue(key, Channel.SMS, "05321234567", null, "Birinci"),
            notifications.enqueue(key, Channel.SMS, "05321234567", null, "İkinci")});

        assertThat(results).containsExactly(true, false);
        assertThat(outbox.findByDedupKeyStartingWithOrderByIdAsc(key)).hasSize(1)
            .first().extracting(OutboxMessage::getBody).isEqualTo("Birinci");
    }

    @Test
    void shouldRefuseToEnqueueOutsideATransaction() {
        assertThatThrownBy(() -> notifications.enqueue(key, Channel.SMS, "05321234567", null, "Merhaba"))
            .isInstanceOf(IllegalTransactionStateException.class);

        assertThat(outbox.findByDedupKeyStartingWithOrderByIdAsc(key)).isEmpty();
    }

    @Test
    void shouldLeaveNothingInTheOutboxWhenTheTransactionRollsBack() {
        Boolean queued = tx.execute(status -> {
            boolean result = notifications.enqueue(key, Channel.SMS, "05321234567", null, "Merhaba");
            status.setRollbackOnly();
            return result;
        });
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            notifications.enqueue(key + "-thrown", Channel.SMS, "05321234567", null, "Merhaba");
            throw new IllegalStateException("the business decision failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(queued).isTrue();
        assertThat(outbox.findByDedupKeyStartingWithOrderByIdAsc(key)).isEmpty();

        dispatcher.dispatchPending();

        assertThat(sms.keysSent()).isEmpty();
    }

    @Test
    void shouldKeepAFailedMessagePendingAndSendItOnTheNextRound() {
        enqueueCommitted(key, "05321234567");
        sms.failNext(1);

        int sent = dispatcher.dispatchPending();

        assertThat(sent).isZero();
        assertThat(sms.keysSent()).isEmpty();
        assertThat(sms.attempts()).isEqualTo(1);
        OutboxMessage failed = message(key);
        assertThat(failed.getStatus()).isEqualTo(Status.PENDING);
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(failed.getLastError()).isEqualTo(ProviderUnavailableException.class.getSimpleName());
        assertThat(failed.getSentAt()).isNull();

        int sentLater = dispatcher.dispatchPending();

        assertThat(sentLater).isEqualTo(1);
        assertThat(sms.keysSent()).containsExactly(key);
        OutboxMessage message = message(key);
        assertThat(message.getStatus()).isEqualTo(Status.SENT);
        assertThat(message.getAttempts()).isEqualTo(2);
        assertThat(message.getLastError()).isNull();
        assertThat(message.getSentAt()).isNotNull();
    }

    @Test
    void shouldGiveUpAfterTheMaximumNumberOfAttempts() {
        assertThat(maxAttempts).isGreaterThan(1);
        enqueueCommitted(key, "05321234567");
        sms.failNext(Integer.MAX_VALUE);

        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            dispatcher.dispatchPending();
            OutboxMessage message = message(key);
            assertThat(message.getStatus()).as("after attempt %d", attempt).isEqualTo(Status.PENDING);
            assertThat(message.getAttempts()).isEqualTo(attempt);
            assertThat(message.getLastError()).isEqualTo(ProviderUnavailableException.class.getSimpleName());
        }
        dispatcher.dispatchPending();

        OutboxMessage failed = message(key);
        assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(maxAttempts);
        assertThat(failed.getLastError()).isEqualTo(ProviderUnavailableException.class.getSimpleName());
        assertThat(sms.attempts()).isEqualTo(maxAttempts);

        sms.reset();
        int sentAfterwards = dispatcher.dispatchPending();

        assertThat(sentAfterwards).isZero();
        assertThat(sms.attempts()).isZero();
        assertThat(message(key).getStatus()).isEqualTo(Status.FAILED);
        assertThat(message(key).getSentAt()).isNull();
    }

    @Test
    void shouldEnqueueNothingForABlankRecipient() {
        Boolean blank = tx.execute(status -> notifications.enqueue(key, Channel.SMS, "   ", null, "Merhaba"));
        Boolean empty = tx.execute(status -> notifications.enqueue(key, Channel.SMS, "", null, "Merhaba"));
        Boolean missing = tx.execute(status -> notifications.enqueue(key, Channel.SMS, null, null, "Merhaba"));

        assertThat(blank).isFalse();
        assertThat(empty).isFalse();
        assertThat(missing).isFalse();
        assertThat(outbox.findByDedupKeyStartingWithOrderByIdAsc(key)).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void shouldReadTheInstantsTheNativeClaimAndSentMarksWrote() {
        OutboxTimes.shouldReadTheInstantsTheNativeUpdatesWrote(notifications, outbox, tx);
    }

    private boolean enqueueCommitted(String dedupKey, String recipient) {
        Boolean queued = tx.execute(status -> notifications.enqueue(dedupKey, Channel.SMS, recipient, null,
            "Mikrokredi başvurunuz alındı."));
        return Boolean.TRUE.equals(queued);
    }

    private OutboxMessage message(String dedupKey) {
        List<OutboxMessage> messages = outbox.findByDedupKeyStartingWithOrderByIdAsc(dedupKey);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** Thrown by the test transport when told to fail. */
    static class ProviderUnavailableException extends RuntimeException {
        ProviderUnavailableException() {
            super("SMS provider unavailable (test)");
        }
    }

    /**
     * An SMS provider's transport that records what it accepted and can be told to refuse the next sends.
     *
     * <p>It lives beside {@link LoggingSmsTransport}, which is a fallback: the dispatcher must choose this one.
     */
    @TestConfiguration(value = "smsProviderTransport", proxyBeanMethods = false)
    static class RecordingSmsTransport implements NotificationTransport {

        record Sent(String idempotencyKey, String recipient) {
        }

        private final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public void send(String idempotencyKey, String recipient, String subject, String body) {
            attempts.incrementAndGet();
            if (failuresLeft.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0) {
                throw new ProviderUnavailableException();
            }
            sent.add(new Sent(idempotencyKey, recipient));
        }

        void failNext(int sends) {
            failuresLeft.set(sends);
        }

        void reset() {
            sent.clear();
            attempts.set(0);
            failuresLeft.set(0);
        }

        int attempts() {
            return attempts.get();
        }

        List<String> keysSent() {
            return sent.stream().map(Sent::idempotencyKey).toList();
        }

        List<String> recipientsSent() {
            return sent.stream().map(Sent::recipient).toList();
        }
    }
}
