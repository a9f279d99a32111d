package tr.bel.izmit.kadinaile.notification;

import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Writes a citizen's notice to the outbox from its template in the message bundle: the body is
 * {@code notification.<capability>.<template>} with its placeholders filled, sent by SMS and, when the capability's
 * bundle has an e-mail subject ({@code notification.<capability>.email.subject}) and she gave an address, also by
 * e-mail inside the common letter {@code notification.email.body}. The dedup key names the notice once; the channel
 * is appended, so a retried job or a repeated message adds nothing.
 */
@Service
public class ApplicantNotices {

    private final NotificationService notifications;

    ApplicantNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    /**
     * Queues the notice for its channels.
     *
     * @param capability the bundle's group of the capability's notices ({@code microcredit})
     * @param template the template's name, an enum constant's name is fine ({@code DOCUMENTS_MISSING})
     * @param args the placeholders' values, already written for a Turkish reader (amounts, dates)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String dedupKey, Addressee to, String capability, String template, Object... args) {
        String body = body(capability, template, args);
        notifications.enqueue(dedupKey + ":sms", Channel.SMS, to.phone(), null, body);
        if (to.email() != null) {
            Texts.find("notification." + capability + ".email.subject").ifPresent(subject -> notifications.enqueue(
                dedupKey + ":email", Channel.EMAIL, to.email(), subject, Texts.get("notification.email.body", to.fullName(), body)));
        }
    }

    /** The template's text with its placeholders filled. */
    public static String body(String capability, String template, Object... args) {
        return Texts.get(key(capability, template), args);
    }

    /** The bundle key of a template: {@code DOCUMENTS_MISSING} of microcredit is {@code notification.microcredit.documents-missing}. */
    public static String key(String capability, String template) {
        return "notification." + capability + "." + template.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
