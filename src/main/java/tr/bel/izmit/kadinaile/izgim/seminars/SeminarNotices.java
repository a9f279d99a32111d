package tr.bel.izmit.kadinaile.izgim.seminars;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;

/**
 * What a registrant is told, through the notification outbox (sent after the commit, retried there): her
 * registration (a seat or her place in line, with her cancellation code), a seat freed for her, and an online
 * seminar's link before it starts. By SMS to her phone and by e-mail to her address, whichever she gave. Each
 * notice has one dedup key per registration and channel, so a retry or a second node adds nothing.
 */
@Component
class SeminarNotices {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", TurkishFormats.TURKISH)
        .withZone(ClockConfiguration.ISTANBUL);

    private final NotificationService notifications;

    SeminarNotices(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void registered(String code, Seminars.Seminar seminar, Seminars.Status status, int placeInLine, String phone, String email,
            String fullName) {
        String body = status == Seminars.Status.CONFIRMED
            ? Texts.get("izgim.seminars.notice.confirmed", seminar.title(), WHEN.format(seminar.startsAt()), code)
            : Texts.get("izgim.seminars.notice.waiting", seminar.title(), placeInLine, code);
        send("izs-registered:" + code, phone, email, fullName, body);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void movedUp(String code, Seminars.Seminar seminar, String phone, String email, String fullName) {
        send("izs-moved-up:" + code, phone, email, fullName,
            Texts.get("izgim.seminars.notice.moved-up", seminar.title(), WHEN.format(seminar.startsAt()), code));
    }

    /** The online seminar's link; returns whether anything new was queued. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean link(String code, Seminars.Seminar seminar, String phone, String email, String fullName) {
        return send("izs-link:" + code, phone, email, fullName,
            Texts.get("izgim.seminars.notice.link", seminar.title(), WHEN.format(seminar.startsAt()), seminar.onlineLink()));
    }

    private boolean send(String dedupKey, String phone, String email, String fullName, String body) {
        boolean sms = notifications.enqueue(dedupKey + ":sms", Channel.SMS, phone, null, body);
        boolean mail = email != null && notifications.enqueue(dedupKey + ":email", Channel.EMAIL, email,
            Texts.get("izgim.seminars.notice.email.subject"), Texts.get("notification.email.body", fullName, body));
        return sms || mail;
    }
}
