package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;
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
        // a checkbox: absent, a boolean or text, as the form sent it; a boolean from here on
        boolean doNotCall = ViolenceLineValues.flag(execution.getVariable(Vars.DO_NOT_CALL));
        ViolenceCase violenceCase = cases.open(new ViolenceCaseStore.Intake(
            text(execution, Vars.VICTIM_NAME),
            doNotCall ? null : text(execution, Vars.SAFE_PHONE),
            doNotCall ? null : text(execution, Vars.SAFE_CALL_TIMES),
            text(execution, Vars.NEIGHBOURHOOD),
            text(execution, Vars.INCIDENT_NOTES),
            text(execution, Vars.DISTRICT)), execution.getProcessInstanceId());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setProcessBusinessKey(violenceCase.getCaseCode());
        Typed.CASE_ID.on(execution).set(violenceCase.getId());
        Typed.CASE_CODE.on(execution).set(violenceCase.getCaseCode());
        Typed.DO_NOT_CALL.on(execution).set(doNotCall);
        Typed.UNREACHABLE_COUNT.on(execution).set(0);
        RiskInputsListener.prepare(execution);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
