package tr.bel.izmit.kadinaile.producers.stands;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.notification.ApplicantNotices;
import tr.bel.izmit.kadinaile.notification.NoticeSource;
import tr.bel.izmit.kadinaile.producers.Producer;
import tr.bel.izmit.kadinaile.producers.Producers;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Typed;

/**
 * The producer's notifications about a stand request, by SMS (through the outbox): the templates
 * {@code notification.stands.*} of the message bundle.
 */
@Service
@Transactional
public class StandNotifications implements NoticeSource {

    static final String CAPABILITY = "stands";

    public enum Template {
        RECEIVED,
        CONFIRMED,
        DECLINED,
        NO_PLACE,
        CANCELLED
    }

    private final StandBookings bookings;
    private final Producers producers;
    private final ApplicantNotices notices;

    StandNotifications(StandBookings bookings, Producers producers, ApplicantNotices notices) {
        this.bookings = bookings;
        this.producers = producers;
        this.notices = notices;
    }

    @Override
    public String processKey() {
        return MarketStandProcess.KEY;
    }

    /** The "… bildir" tasks of the stand request: the template named by the task. */
    @Override
    public void send(DelegateExecution execution, String template) {
        notifyProducer(Typed.REQUEST_ID.from(execution).getOrNull(), Template.valueOf(template));
    }

    public void notifyProducer(long requestId, Template template) {
        StandRequest request = bookings.request(requestId);
        Producer producer = producers.get(request.producerId());
        String place = bookings.location(request.locationCode()).map(StandLocation::name).orElse(request.locationCode());
        String day = TurkishFormats.DATE.format(request.standDate());
        String fourth = switch (template) {
            case RECEIVED -> String.valueOf(StandRequests.ALLOCATION_DAYS_BEFORE);
            case DECLINED -> request.declineReason();
            default -> null;
        };
        // stand notices go by SMS only, as they always have
        notices.send("stand:" + requestId + ":" + template, new Addressee(producer.getFullName(), producer.getPhone(), null),
            CAPABILITY, template.name(), place, day, request.trackingCode(), fourth);
    }
}
