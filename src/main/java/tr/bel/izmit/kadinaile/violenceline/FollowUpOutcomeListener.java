package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/** "Takip araması": counts consecutive unreachable calls; a call that reached her is a contact. */
@Component("violenceFollowUpOutcome")
class FollowUpOutcomeListener implements TaskListener {

    private final ViolenceCaseStore cases;

    FollowUpOutcomeListener(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("UNREACHABLE".equals(task.getVariable(Vars.FOLLOW_UP_OUTCOME))) {
            Integer count = (Integer) task.getVariable(Vars.UNREACHABLE_COUNT);
            task.getExecution().setVariable(Vars.UNREACHABLE_COUNT, (count == null ? 0 : count) + 1);
        } else {
            task.getExecution().setVariable(Vars.UNREACHABLE_COUNT, 0);
            cases.recordContact((Long) task.getVariable(Vars.CASE_ID));
        }
    }
}
