package tr.bel.izmit.kadinaile.producers;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.producers.ProducerNotifications.Template;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Typed;

/** Service task "Dayanışma buluşmasına davet et": picks the next meeting and invites the producer to it. */
@Component("inviteToOrientation")
class InviteToOrientationDelegate implements JavaDelegate {

    private final Producers producers;
    private final ProducerNotifications notifications;

    InviteToOrientationDelegate(Producers producers, ProducerNotifications notifications) {
        this.producers = producers;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long producerId = Typed.PRODUCER_ID.from(execution).get();
        LocalDate meeting = producers.inviteToNextMeeting(producerId);
        Typed.MEETING_DATE.on(execution).set(meeting.toString());
        notifications.notifyProducer(producerId, Template.ORIENTATION_INVITATION, meeting.toString(), execution.getActivityInstanceId());
    }
}
