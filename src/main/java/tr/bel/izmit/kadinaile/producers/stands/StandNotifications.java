package tr.bel.izmit.kadinaile.producers.stands;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;
import tr.bel.izmit.kadinaile.producers.Producer;
import tr.bel.izmit.kadinaile.producers.Producers;

/** The producer's notifications about a stand request, by SMS (through the outbox). */
@Service
@Transactional
public class StandNotifications {

    public enum Template {
        RECEIVED,
        CONFIRMED,
        DECLINED,
        NO_PLACE,
        CANCELLED
    }

    private final StandBookings bookings;
    private final Producers producers;
    private final NotificationService notifications;

    StandNotifications(StandBookings bookings, Producers producers, NotificationService notifications) {
        this.bookings = bookings;
        this.producers = producers;
        this.notifications = notifications;
    }

    public void notifyProducer(long requestId, Template template) {
        StandRequest request = bookings.request(requestId);
        Producer producer = producers.get(request.producerId());
        String place = bookings.location(request.locationCode()).map(StandLocation::name).orElse(request.locationCode());
        String day = TurkishFormats.DATE.format(request.standDate());
        String code = request.trackingCode();
        String body = switch (template) {
            case RECEIVED -> place + " için " + day + " tarihli stant talebiniz alındı (" + code + "). Yerler stant gününden "
                + StandRequests.ALLOCATION_DAYS_BEFORE + " gün önce dağıtılır; bu ay daha az stant açmış üreticiler önceliklidir.";
            case CONFIRMED -> place + " standınız " + day + " için onaylandı (" + code + "). Gelemezseniz lütfen takip kodunuzla iptal edin; "
                + "yer sıradaki üreticiye verilir.";
            case DECLINED -> place + " için " + day + " tarihli stant talebiniz onaylanmadı (" + code + "). Gerekçe: "
                + request.declineReason();
            case NO_PLACE -> place + " için " + day + " tarihinde yer açılmadı (" + code + "); talebiniz kapandı.";
            case CANCELLED -> place + " için " + day + " tarihli stant talebinizi iptal ettiniz (" + code + ").";
        };
        notifications.enqueue("stand:" + requestId + ":" + template + ":sms", Channel.SMS, producer.getPhone(), null, body);
    }
}
