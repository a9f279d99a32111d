package tr.bel.izmit.kadinaile.izgim;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Typed;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/**
 * Runs when a request arrives (portal or desk), right after the start form was validated: the client's contact, her
 * reason, preferred times and the child's age go encrypted into our case table and leave the process at once (never
 * in the engine's tables or history); the process keeps the case id, the tracking code as business key (the calendar's
 * case key), the service and the options of the intake's professional select. Her notice of receipt is queued in
 * the same transaction.
 */
@Component("counsellingIntake")
class CounsellingIntakeListener implements ExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CounsellingCases cases;
    private final CounsellingProfessionals professionals;
    private final CounsellingNotifications notifications;

    CounsellingIntakeListener(CounsellingCases cases, CounsellingProfessionals professionals,
            CounsellingNotifications notifications) {
        this.cases = cases;
        this.professionals = professionals;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) throws Exception {
        CounsellingService service = service(execution.getVariable(Vars.SERVICE));
        CounsellingCase opened = cases.open(service, new CounsellingCases.Request(
            CounsellingValues.text(execution.getVariable(Vars.FULL_NAME)),
            CounsellingValues.text(execution.getVariable(Vars.PHONE)),
            CounsellingValues.text(execution.getVariable(Vars.EMAIL)),
            CounsellingValues.text(execution.getVariable(Vars.REASON)),
            String.join(",", CounsellingValues.strings(execution.getVariable(Vars.PREFERRED_TIMES))),
            CounsellingValues.integer(execution.getVariable(Vars.CHILD_AGE)),
            CounsellingValues.flag(execution.getVariable(Vars.GUARDIAN_CONSENT)),
            CounsellingValues.flag(execution.getVariable(Vars.KVKK_CONSENT))), execution.getProcessInstanceId());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setProcessBusinessKey(opened.getTrackingCode());
        Typed.CASE_ID.on(execution).set(opened.getId());
        Typed.TRACKING_CODE.on(execution).set(opened.getTrackingCode());
        Typed.SERVICE.on(execution).set(service.name());
        Typed.SERVICE_LABEL.on(execution).set(label(service));
        Typed.SERIES_NUMBER.on(execution).set(0L);
        execution.setVariable(Vars.PROFESSIONAL_OPTIONS,
            SpinValues.jsonValue(JSON.writeValueAsString(professionals.options(service))).create());
        notifications.received(opened.getId(), opened.getTrackingCode());
    }

    static String label(CounsellingService service) {
        return Texts.get("izgim.service." + service.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private static CounsellingService service(Object value) {
        String text = CounsellingValues.text(value);
        for (CounsellingService service : CounsellingService.values()) {
            if (service.name().equals(text)) {
                return service;
            }
        }
        throw ValidationFailedException.of(Vars.SERVICE, Texts.get("izgim.validation.service.required"));
    }
}
