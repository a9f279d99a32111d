package tr.bel.izmit.kadinaile.izgim.calendar;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;
import tr.bel.izmit.kadinaile.portal.PortalAddress;

/**
 * The calendar's SMS to the client, through the outbox in the caller's transaction: a session's reminder the day
 * before, a series booked from the waiting list. The phone comes from the counselling case store
 * ({@link CaseContacts}); the calendar keeps none, and logs name sessions by id only. Each notice has a dedup key of
 * its own, so the outbox holds it once however often it is asked for. The appointment page is named with the portal's
 * configured public address ({@code app.portal.public-url}).
 */
@Component
class CalendarNotices {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", TurkishFormats.TURKISH);
    private static final Logger LOG = LoggerFactory.getLogger(CalendarNotices.class);

    private final ObjectProvider<CaseContacts> contacts;
    private final NotificationService notifications;
    private final PortalAddress portal;

    CalendarNotices(ObjectProvider<CaseContacts> contacts, NotificationService notifications, PortalAddress portal) {
        this.contacts = contacts;
        this.notifications = notifications;
        this.portal = portal;
    }

    /** Whether the case store is there to ask (it is the counselling process's; a test brings its own). */
    boolean available() {
        return contacts.getIfAvailable() != null;
    }

    /** The reminder of a session; false when the case has no phone to send it to. */
    boolean remind(long sessionId, String caseKey, LocalDateTime start, String roomName) {
        return sms("izgim-reminder:" + sessionId, caseKey,
            Texts.get("izgim.calendar.sms.reminder", TurkishFormats.DATE.format(start), TIME.format(start), roomName,
                portal.of(AppointmentPage.PATH)));
    }

    /** A series booked for a case that waited: its first session. */
    boolean seriesBooked(long seriesId, String caseKey, LocalDateTime firstStart, int sessions) {
        return sms("izgim-series-booked:" + seriesId, caseKey,
            Texts.get("izgim.calendar.sms.series-booked", TurkishFormats.DATE.format(firstStart), TIME.format(firstStart), sessions,
                portal.of(AppointmentPage.PATH)));
    }

    /** A session the staff cancelled. */
    boolean cancelledByStaff(long sessionId, String caseKey, LocalDateTime start) {
        return sms("izgim-cancelled:" + sessionId, caseKey,
            Texts.get("izgim.calendar.sms.cancelled", TurkishFormats.DATE.format(start), TIME.format(start)));
    }

    private boolean sms(String dedupKey, String caseKey, String body) {
        CaseContacts store = contacts.getIfAvailable();
        Optional<Addressee> addressee = store == null ? Optional.empty() : store.addresseeOf(caseKey);
        if (addressee.isEmpty() || addressee.get().phone() == null || addressee.get().phone().isBlank()) {
            LOG.info("No phone for the notice {}; nothing sent", dedupKey);
            return false;
        }
        notifications.enqueue(dedupKey, Channel.SMS, addressee.get().phone(), null, body);
        return true;
    }
}
