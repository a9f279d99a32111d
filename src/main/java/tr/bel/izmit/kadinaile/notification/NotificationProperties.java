package tr.bel.izmit.kadinaile.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("app.notification")
public record NotificationProperties(
    @DefaultValue("kadinaile@izmit.bel.tr") String mailFrom,
    @DefaultValue("PT15S") Duration dispatchInterval,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("smtp") String emailTransport,
    @DefaultValue("true") boolean dispatchAfterCommit,
    @DefaultValue("PT5M") Duration sendingTimeout) {
}
