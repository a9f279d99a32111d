package tr.bel.izmit.kadinaile.violenceline;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;
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
        if ("CLOSE_LOST_CONTACT".equals(Typed.UNREACHABLE_DECISION.from(task).getOrNull())) {
            if (!cases.noContactFor(Typed.CASE_ID.from(task).get(), LOST_CONTACT_AFTER)) {
                throw ValidationFailedException.of(Vars.UNREACHABLE_DECISION,
                    Texts.get("violenceline.validation.unreachable.too-early"));
            }
        } else {
            Typed.UNREACHABLE_COUNT.on(task.getExecution()).set(0);
        }
    }
}
