package tr.bel.izmit.kadinaile.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * E-mail "sent" to the log, for the demo on a machine without SMTP server. Logs only the masked address
 * and the idempotency key, never the content.
 */
@Component
@ConditionalOnProperty(name = "app.notification.email-transport", havingValue = "log")
class LoggingEmailTransport implements NotificationTransport {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingEmailTransport.class);

    @Override
    public boolean isFallback() {
        return true;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String idempotencyKey, String recipient, String subject, String body) {
        LOG.info("E-mail {} to {} handed to the log transport", idempotencyKey, Masking.mask(recipient));
    }
}
