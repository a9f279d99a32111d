package tr.bel.izmit.kadinaile.violenceline;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * The supervisor's decision after three unreachable calls: a case may be closed as "lost contact" only when
 * there has been no contact for more than 30 days; otherwise the follow-up goes on.
 */
@Component("violenceUnreachableDecision")
class UnreachableDecisionListener implements TaskListener {

    static final Duration LOST_CONTACT_AFTER = Duration.ofDays(30);

    private final ViolenceCaseStore cases;

    UnreachableDecisionListener(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("CLOSE_LOST_CONTACT".equals(task.getVariable(Vars.UNREACHABLE_DECISION))) {
            if (!cases.noContactFor((Long) task.getVariable(Vars.CASE_ID), LOST_CONTACT_AFTER)) {
                throw ValidationFailedException.of(Vars.UNREACHABLE_DECISION,
                    Texts.get("violenceline.validation.unreachable.too-early"));
            }
        } else {
            task.getExecution().setVariable(Vars.UNREACHABLE_COUNT, 0);
        }
    }
}
