package tr.bel.izmit.kadinaile.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings.
 *
 * @param retryBackoff the pause after a message's first failed attempt; it doubles with every further attempt
 * @param maxBackoff the longest pause between two attempts
 */
@ConfigurationProperties("app.notification")
public record NotificationProperties(
    @DefaultValue("kadinaile@izmit.bel.tr") String mailFrom,
    @DefaultValue("PT15S") Duration dispatchInterval,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("smtp") String emailTransport,
    @DefaultValue("true") boolean dispatchAfterCommit,
    @DefaultValue("PT5M") Duration sendingTimeout,
    @DefaultValue("PT1M") Duration retryBackoff,
    @DefaultValue("PT30M") Duration maxBackoff) {

    /** The pause before the next attempt, after {@code attempts} failed ones: retryBackoff × 2^(attempts − 1), capped. */
    public Duration backoffAfter(int attempts) {
        Duration pause = retryBackoff;
        for (int i = 1; i < attempts && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
