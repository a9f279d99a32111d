package tr.bel.izmit.kadinaile.notification;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/** {@link OutboxTimes} on PostgreSQL, whose outbox columns are {@code timestamp} without time zone. */
@SpringBootTest
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class OutboxTimesPostgresIT {

    @Autowired
    NotificationService notifications;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;

    @Test
    void shouldReadTheInstantsTheNativeClaimAndSentMarksWrote() {
        OutboxTimes.shouldReadTheInstantsTheNativeUpdatesWrote(notifications, outbox, tx);
    }
}
