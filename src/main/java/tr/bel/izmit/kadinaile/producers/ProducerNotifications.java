package tr.bel.izmit.kadinaile.producers;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;

/** The producer's notifications in Turkish, by SMS and, where she gave an address, by e-mail (through the outbox). */
@Service
@Transactional
public class ProducerNotifications {

    public enum Template {
        RECEIVED,
        INFO_REQUESTED,
        WITHDRAWN,
        REJECTED,
        FOOD_SAFETY_FAILED,
        ORIENTATION_INVITATION,
        VERIFIED
    }

    private static final String SUBJECT = "İzmit Çarşısı üretici başvurunuz";

    private final Producers producers;
    private final NotificationService notifications;

    ProducerNotifications(Producers producers, NotificationService notifications) {
        this.producers = producers;
        this.notifications = notifications;
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
        String body = body(producer, template, detail);
        String key = "producer:" + producerId + ":" + template + (occurrence != null ? ":" + occurrence : "");
        notifications.enqueue(key + ":sms", Channel.SMS, producer.getPhone(), null, body);
        if (producer.getEmail() != null) {
            notifications.enqueue(key + ":email", Channel.EMAIL, producer.getEmail(), SUBJECT,
                "Sayın " + producer.getFullName() + ",\n\n" + body + "\n\nİzmit Belediyesi Kadın ve Aile Hizmetleri Müdürlüğü");
        }
    }

    String body(Producer producer, Template template, String detail) {
        String code = producer.getTrackingCode();
        return switch (template) {
            case RECEIVED -> "İzmit Çarşısı üretici başvurunuz alındı. Takip kodunuz: " + code + ".";
            case INFO_REQUESTED -> "İzmit Çarşısı başvurunuz (" + code + ") için ek bilgi gerekiyor: " + detail
                + " Lütfen 14 gün içinde pazar koordinatörlüğüne iletin; aksi halde başvurunuz geri çekilmiş sayılır.";
            case WITHDRAWN -> "İstenen ek bilgi 14 gün içinde gelmediği için İzmit Çarşısı başvurunuz (" + code
                + ") geri çekilmiş sayıldı. Dilediğiniz zaman yeniden başvurabilirsiniz.";
            case REJECTED -> "İzmit Çarşısı başvurunuz (" + code + ") kabul edilmedi. Gerekçe: " + detail;
            case FOOD_SAFETY_FAILED -> "İzmit Çarşısı başvurunuz (" + code
                + ") gıda güvenliği incelemesinden geçemedi; gıda ürünleri satışı için başvurunuz kabul edilmedi. Açıklama: " + detail;
            case ORIENTATION_INVITATION -> "İzmit Çarşısı başvurunuz (" + code + ") onaylandı. "
                + TurkishFormats.DATE.format(LocalDate.parse(detail))
                + " tarihindeki dayanışma buluşmasına davetlisiniz; mağazanız bu buluşmaya katılımınızdan sonra açılır.";
            case VERIFIED -> "İzmit Çarşısı'na hoş geldiniz! Üretici kodunuz: " + code
                + ". Stant taleplerinizde bu kodu ve telefonunuzun son 4 hanesini kullanın.";
        };
    }
}
