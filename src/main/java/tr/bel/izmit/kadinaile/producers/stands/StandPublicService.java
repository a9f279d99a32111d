package tr.bel.izmit.kadinaile.producers.stands;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.portal.Decision;
import tr.bel.izmit.kadinaile.portal.Decision.Outcome;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Elements;

/**
 * Stand requests on the public portal: the start form, the status milestones, the producer's cancellation and the
 * decision (the place and day, confirmed, held, in line or not given); the
 * texts are {@code portal.market-stand-request.*} in the message bundle.
 */
@Component
class StandPublicService extends PublicServiceSupport {

    private static final String TEXTS = "portal.market-stand-request.decision.";

    private final StandBookings bookings;

    StandPublicService(StandCaseActions actions, StandBookings bookings) {
        super(MarketStandProcess.KEY, MarketStandProcess.Forms.START, MarketStandProcess.TRACKING_PREFIX, 40,
            List.of(Elements.START, Elements.ALLOCATE, Elements.WAIT_FOR_PLACE, Elements.CONFIRM, Elements.NOTIFY_CONFIRMED,
                Elements.END_STAND_HELD, Elements.END_DECLINED, Elements.END_NO_PLACE, Elements.END_CANCELLED),
            new Withdrawal(Elements.CANCELLABLE_AT, actions::cancelByProducer));
        this.bookings = bookings;
    }

    /** The place and the day from the stand tables; never the coordinator's reason, which reaches her by SMS. */
    @Override
    public Optional<Decision> decision(String trackingCode) {
        return bookings.requestByCode(trackingCode).map(this::decision);
    }

    private Decision decision(StandRequest request) {
        String place = bookings.location(request.locationCode()).map(StandLocation::name).orElse(request.locationCode());
        String day = TurkishFormats.DATE.format(request.standDate());
        return switch (request.status()) {
            case CONFIRMED -> new Decision(Outcome.APPROVED, Texts.get(TEXTS + "confirmed", place, day),
                List.of(Texts.get(TEXTS + "confirmed.cancel")));
            case HELD -> new Decision(Outcome.WAITING, Texts.get(TEXTS + "held", place, day), List.of());
            case WAITING -> new Decision(Outcome.WAITING, Texts.get(TEXTS + "waiting", place, day), List.of());
            case DECLINED -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "declined", place, day),
                List.of(Texts.get(TEXTS + "another-day")));
            case NO_PLACE -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "no-place", place, day),
                List.of(Texts.get(TEXTS + "another-day")));
            case CANCELLED -> new Decision(Outcome.WITHDRAWN, Texts.get(TEXTS + "cancelled", place, day), List.of());
        };
    }
}
