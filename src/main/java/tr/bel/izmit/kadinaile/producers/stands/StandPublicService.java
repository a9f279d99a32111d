package tr.bel.izmit.kadinaile.producers.stands;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Elements;

/**
 * Stand requests on the public portal: the start form, the status milestones and the producer's cancellation; the
 * texts are {@code portal.market-stand-request.*} in the message bundle.
 */
@Component
class StandPublicService extends PublicServiceSupport {

    StandPublicService(StandCaseActions actions) {
        super(MarketStandProcess.KEY, MarketStandProcess.Forms.START, MarketStandProcess.TRACKING_PREFIX, 40,
            List.of(Elements.START, Elements.ALLOCATE, Elements.WAIT_FOR_PLACE, Elements.CONFIRM, Elements.NOTIFY_CONFIRMED,
                Elements.END_STAND_HELD, Elements.END_DECLINED, Elements.END_NO_PLACE, Elements.END_CANCELLED),
            new Withdrawal(Elements.CANCELLABLE_AT, actions::cancelByProducer));
    }
}
