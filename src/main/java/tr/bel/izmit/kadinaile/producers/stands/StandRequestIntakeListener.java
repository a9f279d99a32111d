package tr.bel.izmit.kadinaile.producers.stands;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.holunda.camunda.bpm.data.CamundaBpmData;

import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Typed;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Vars;
import tr.bel.izmit.kadinaile.producers.stands.StandNotifications.Template;

/**
 * Runs when a stand request starts, right after its form was validated: identifies the producer by her code and
 * second factor, checks the location and the date, stores the request and sets the times the process waits for.
 * The second factor leaves the process at once.
 */
@Component("standRequestIntake")
class StandRequestIntakeListener implements ExecutionListener {

    private final StandRequests requests;
    private final StandNotifications notifications;

    StandRequestIntakeListener(StandRequests requests, StandNotifications notifications) {
        this.requests = requests;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        StandRequests.Registered registered = requests.register(execution.getVariables(), execution.getProcessInstanceId());
        StandRequest request = registered.request();
        execution.setProcessBusinessKey(request.trackingCode());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setVariables(CamundaBpmData.builder()
            .set(Typed.REQUEST_ID, request.id())
            .set(Typed.TRACKING_CODE, request.trackingCode())
            .set(Typed.PRODUCER_CODE, registered.producer().getTrackingCode())
            .set(Typed.PRODUCER_NAME, registered.producer().displayName())
            .set(Typed.LOCATION, registered.location().code())
            .set(Typed.LOCATION_NAME, registered.location().name())
            .set(Typed.STAND_DATE, request.standDate().toString())
            .set(Typed.ALLOCATION_AT, requests.allocationAt(request.standDate()))
            .set(Typed.STAND_DAY_STARTS_AT, StandRequests.startOf(request.standDate()))
            .set(Typed.STAND_DAY_ENDS_AT, StandRequests.startOf(request.standDate().plusDays(1)))
            .build());
        notifications.notifyProducer(request.id(), Template.RECEIVED);
    }
}
