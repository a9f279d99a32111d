package tr.bel.izmit.kadinaile.producers.stands;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Vars;

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
        long requestId = (Long) execution.getVariable(Vars.REQUEST_ID);
        execution.setVariable(Vars.PLACE_HELD, requests.allocate(requestId));
        execution.setVariable(Vars.STAND_DAYS_THIS_MONTH, requests.standDaysThisMonth(requestId));
    }
}
