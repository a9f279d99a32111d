package tr.bel.izmit.kadinaile.producers;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.notification.ApplicantNotices;
import tr.bel.izmit.kadinaile.notification.NoticeSource;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Typed;

/**
 * The producer's notifications, by SMS and, where she gave an address, by e-mail (through the outbox): the templates
 * {@code notification.producers.*} of the message bundle.
 */
@Service
@Transactional
public class ProducerNotifications implements NoticeSource {

    static final String CAPABILITY = "producers";

    public enum Template {
        RECEIVED,
        INFO_REQUESTED,
        WITHDRAWN,
        REJECTED,
        FOOD_SAFETY_FAILED,
        ORIENTATION_INVITATION,
        VERIFIED
    }

    private final Producers producers;
    private final ApplicantNotices notices;

    ProducerNotifications(Producers producers, ApplicantNotices notices) {
        this.producers = producers;
        this.notices = notices;
    }

    @Override
    public String processKey() {
        return ProducerOnboardingProcess.KEY;
    }

    /** The "… bildir" tasks of the onboarding: the template named by the task, with the staff's words where it has some. */
    @Override
    public void send(DelegateExecution execution, String templateName) {
        Template template = Template.valueOf(templateName);
        String detail = switch (template) {
            case INFO_REQUESTED -> Typed.INFO_REQUEST.from(execution).getOrNull();
            case REJECTED -> Typed.REJECTION_REASON.from(execution).getOrNull();
            case FOOD_SAFETY_FAILED -> Typed.FOOD_SAFETY_NOTE.from(execution).getOrNull();
            default -> null;
        };
        String occurrence = template == Template.INFO_REQUESTED ? execution.getActivityInstanceId() : null;
        notifyProducer(Typed.PRODUCER_ID.from(execution).getOrNull(), template, detail, occurrence);
    }

    /**
     * Queues the notification for both channels.
     *
     * @param detail a reason, the information asked for, a meeting date (ISO), or null
     * @param occurrence distinguishes notifications of one template that may happen more than once (a second
     *     request for information, a second invitation); null for those that happen once
     */
    public void notifyProducer(Long producerId, Template template, String detail, String occurrence) {
        Producer producer = producers.get(producerId);
        String key = "producer:" + producerId + ":" + template + (occurrence != null ? ":" + occurrence : "");
        String filled = template == Template.ORIENTATION_INVITATION ? TurkishFormats.DATE.format(LocalDate.parse(detail)) : detail;
        notices.send(key, new Addressee(producer.getFullName(), producer.getPhone(), producer.getEmail()), CAPABILITY,
            template.name(), producer.getTrackingCode(), filled);
    }
}
