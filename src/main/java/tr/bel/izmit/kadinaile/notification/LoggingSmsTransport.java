package tr.bel.izmit.kadinaile.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SMS until the municipality chooses a provider: records that the message would have gone out, with a
 * masked number and the idempotency key only (no content, no full number in logs). A provider's
 * implementation of {@link NotificationTransport} for {@link Channel#SMS} takes precedence over it.
 */
@Component
class LoggingSmsTransport implements NotificationTransport {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsTransport.class);

    @Override
    public boolean isFallback() {
        return true;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String idempotencyKey, String recipient, String subject, String body) {
        LOG.info("SMS {} to {} handed to the log transport", idempotencyKey, Masking.mask(recipient));
    }
}
