package tr.bel.izmit.kadinaile.producers.stands;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Typed;

/**
 * Service task "Yer ayır" (asyncBefore): hands out the day's free places in the rotation's order and tells the
 * process whether this request got one. Running it again changes nothing for a request that already has its place.
 */
@Component("allocateStandPlace")
class AllocatePlaceDelegate implements JavaDelegate {

    private final StandRequests requests;

    AllocatePlaceDelegate(StandRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = Typed.REQUEST_ID.from(execution).get();
        Typed.PLACE_HELD.on(execution).set(requests.allocate(requestId));
        Typed.STAND_DAYS_THIS_MONTH.on(execution).set(requests.standDaysThisMonth(requestId));
    }
}
