package tr.bel.izmit.kadinaile.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through Spring Mail (SMTP). */
@Component
@ConditionalOnProperty(name = "app.notification.email-transport", havingValue = "smtp", matchIfMissing = true)
class SmtpEmailTransport implements NotificationTransport {

    private final JavaMailSender mailSender;
    private final NotificationProperties properties;

    SmtpEmailTransport(JavaMailSender mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String idempotencyKey, String recipient, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(recipient);
        message.setSubject(subject);
        message.setText(body);
        mailSender.send(message);
    }
}
