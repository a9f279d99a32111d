package tr.bel.izmit.kadinaile.izgim;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Decisions;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Typed;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;

/** The professional closes the case with its outcome: recorded on the case, whose retention period starts now. */
@Component("counsellingClosure")
class ClosureListener implements TaskListener {

    static final Set<String> OUTCOMES = Set.of(Decisions.COMPLETED, Decisions.REFERRED_ELSEWHERE, Decisions.STOPPED_BY_CLIENT);

    private final CounsellingCases cases;

    ClosureListener(CounsellingCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = CounsellingValues.text(task.getVariable(Vars.CLOSURE_OUTCOME));
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw ValidationFailedException.of(Vars.CLOSURE_OUTCOME, Texts.get("izgim.validation.closure-outcome.required"));
        }
        cases.close(Typed.CASE_ID.from(task).get(), outcome);
    }
}
