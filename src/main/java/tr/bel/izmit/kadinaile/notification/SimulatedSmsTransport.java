package tr.bel.izmit.kadinaile.notification;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.validation.MobilePhone;

/**
 * The demo's SMS provider ({@code kadinaile.sms.provider=simulated}, set by the demo profile): it answers as the real
 * one would, accepting a message with a provider message id or refusing a number that is no Turkish mobile number for
 * good, and writes one log line per message with the masked number and the text's length, never the number or the
 * text.
 */
@Component
@ConditionalOnProperty(name = "kadinaile.sms.provider", havingValue = "simulated")
class SimulatedSmsTransport implements NotificationTransport {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSmsTransport.class);

    private final AtomicLong messageIds = new AtomicLong();

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String idempotencyKey, String recipient, String subject, String body) {
        if (MobilePhone.normalize(recipient) == null) {
            LOG.info("SMS {} to {} refused by the simulated provider: INVALID_NUMBER", idempotencyKey, Masking.mask(recipient));
            throw DeliveryFailedException.permanentFailure("INVALID_NUMBER");
        }
        LOG.info("SMS {} to {} accepted by the simulated provider as SIM-{} ({} characters)", idempotencyKey,
            Masking.mask(recipient), messageIds.incrementAndGet(), body == null ? 0 : body.length());
    }
}
