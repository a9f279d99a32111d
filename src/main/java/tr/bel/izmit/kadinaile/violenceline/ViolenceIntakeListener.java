package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * Runs when an operator records a call, right after the intake form was validated: the woman's name, safe
 * phone and times, neighbourhood and the incident notes go encrypted into our case table and leave the
 * process at once (they never reach the engine's tables or history); the process keeps the case id, the
 * case code as business key, the district and the risk factors.
 */
@Component("violenceIntake")
class ViolenceIntakeListener implements ExecutionListener {

    private final ViolenceCaseStore cases;

    ViolenceIntakeListener(ViolenceCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ViolenceCase violenceCase = cases.open(new ViolenceCaseStore.Intake(
            text(execution, Vars.VICTIM_NAME),
            ViolenceLineValues.flag(execution.getVariable(Vars.DO_NOT_CALL)) ? null : text(execution, Vars.SAFE_PHONE),
            ViolenceLineValues.flag(execution.getVariable(Vars.DO_NOT_CALL)) ? null : text(execution, Vars.SAFE_CALL_TIMES),
            text(execution, Vars.NEIGHBOURHOOD),
            text(execution, Vars.INCIDENT_NOTES),
            text(execution, Vars.DISTRICT)), execution.getProcessInstanceId());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setProcessBusinessKey(violenceCase.getCaseCode());
        execution.setVariable(Vars.CASE_ID, violenceCase.getId());
        execution.setVariable(Vars.CASE_CODE, violenceCase.getCaseCode());
        execution.setVariable(Vars.DO_NOT_CALL, ViolenceLineValues.flag(execution.getVariable(Vars.DO_NOT_CALL)));
        execution.setVariable(Vars.UNREACHABLE_COUNT, 0);
        RiskInputsListener.prepare(execution);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
