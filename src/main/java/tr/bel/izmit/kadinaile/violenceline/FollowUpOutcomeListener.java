package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;

/** "Takip araması": counts consecutive unreachable calls; a call that reached her is a contact. */
@Component("violenceFollowUpOutcome")
class FollowUpOutcomeListener implements TaskListener {

    private final ViolenceCaseStore cases;

    FollowUpOutcomeListener(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("UNREACHABLE".equals(Typed.FOLLOW_UP_OUTCOME.from(task).getOrNull())) {
            Typed.UNREACHABLE_COUNT.on(task.getExecution()).set(Typed.UNREACHABLE_COUNT.from(task).getOrDefault(0) + 1);
        } else {
            Typed.UNREACHABLE_COUNT.on(task.getExecution()).set(0);
            cases.recordContact(Typed.CASE_ID.from(task).get());
        }
    }
}
