package tr.bel.izmit.kadinaile.izgim;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.engine.StaffUsers;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Decisions;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Typed;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/**
 * Completion of the intake, after the form's own rules: the chosen professional must give the case's service (a user
 * of its group), a referral to the violence line needs the woman's consent; the officer who decided is kept for the
 * emergency guidance task. The professional is recorded on the case.
 */
@Component("counsellingIntakeDecision")
class IntakeDecisionListener implements TaskListener {

    private final CounsellingCases cases;
    private final CounsellingProfessionals professionals;
    private final StaffUsers staffUsers;

    IntakeDecisionListener(CounsellingCases cases, CounsellingProfessionals professionals, StaffUsers staffUsers) {
        this.cases = cases;
        this.professionals = professionals;
        this.staffUsers = staffUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = CounsellingValues.text(task.getVariable(Vars.INTAKE_DECISION));
        Long caseId = Typed.CASE_ID.from(task).get();
        CounsellingService service = CounsellingService.valueOf(Typed.SERVICE.from(task).get());
        if (Decisions.ASSIGN.equals(decision)) {
            String professional = CounsellingValues.text(task.getVariable(Vars.PROFESSIONAL_ID));
            if (!professionals.gives(professional, service)) {
                throw ValidationFailedException.of(Vars.PROFESSIONAL_ID, Texts.get("izgim.validation.professional.not-of-service"));
            }
            cases.assign(caseId, professional);
        } else if (Decisions.VIOLENCE_LINE.equals(decision)) {
            if (!CounsellingValues.flag(task.getVariable(Vars.WOMAN_CONSENT))) {
                throw ValidationFailedException.of(Vars.WOMAN_CONSENT, Texts.get("izgim.validation.woman-consent.required"));
            }
        } else if (Decisions.REFER_OUT.equals(decision)) {
            if (CounsellingValues.text(task.getVariable(Vars.REFER_OUT_TO)) == null) {
                throw ValidationFailedException.of(Vars.REFER_OUT_TO, Texts.get("izgim.validation.refer-out-to.required"));
            }
        } else {
            throw ValidationFailedException.of(Vars.INTAKE_DECISION, Texts.get("izgim.validation.intake-decision.required"));
        }
        // a checkbox: absent, a boolean or text, as the form sent it; a boolean from here on
        Typed.URGENT_RISK.on(task.getExecution()).set(Decisions.VIOLENCE_LINE.equals(decision)
            && CounsellingValues.flag(task.getVariable(Vars.URGENT_RISK)));
        // null when the task was completed by the application itself: the guidance task then goes to the officers' group
        task.getExecution().setVariable(Vars.INTAKE_OFFICER_ID, staffUsers.actingUser(task));
    }
}
