package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * Prepares the inputs of the decision {@code violence-risk-level}: every risk flag a plain boolean (an
 * unticked box may be absent), and {@code physicalViolence} from the checked violence types. Used at intake
 * and on "Riski yeniden değerlendir".
 */
@Component("violenceRiskInputs")
class RiskInputsListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        prepare(task.getExecution());
    }

    static void prepare(VariableScope scope) {
        for (String flag : ViolenceLineValues.RISK_FLAGS) {
            scope.setVariable(flag, ViolenceLineValues.flag(scope.getVariable(flag)));
        }
        scope.setVariable(ViolenceLineValues.PHYSICAL_VIOLENCE,
            ViolenceLineValues.strings(scope.getVariable(Vars.VIOLENCE_TYPES)).contains("PHYSICAL"));
    }
}
