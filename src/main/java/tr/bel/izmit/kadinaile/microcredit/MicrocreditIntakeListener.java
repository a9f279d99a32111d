package tr.bel.izmit.kadinaile.microcredit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.holunda.camunda.bpm.data.CamundaBpmData;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Typed;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Details;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Template;

/**
 * Runs when an application starts, right after the start form was validated: stores the application in our
 * table, makes its tracking code the business key, and keeps in the process only ids, routing data and what
 * caseworkers need to see. T.C. Kimlik No, phone, e-mail and IBAN leave the process (and never reach its
 * history, see {@code PersonalDataHistoryFilter}).
 */
@Component("microcreditIntake")
class MicrocreditIntakeListener implements ExecutionListener {

    private final MicrocreditApplications applications;
    private final MicrocreditNotifications notifications;

    MicrocreditIntakeListener(MicrocreditApplications applications, MicrocreditNotifications notifications) {
        this.applications = applications;
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        MicrocreditApplication application = applications.register(execution.getVariables(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(application.getTrackingCode());
        execution.removeVariables(Vars.PERSONAL_DATA);
        execution.setVariables(CamundaBpmData.builder()
            .set(Typed.APPLICATION_ID, application.getId())
            .set(Typed.TRACKING_CODE, application.getTrackingCode())
            .set(Typed.REQUESTED_AMOUNT, application.getRequestedAmount().longValueExact())
            .set(Typed.TERM_MONTHS, application.getTermMonths())
            .set(Typed.DISTRICT, application.getDistrict())
            .set(Typed.HAS_OPEN_LOAN, applications.hasOpenLoan(application.getTcKimlikNo()))
            .set(Typed.HAS_OVERDUE_LOAN, applications.hasOverdueLoan(application.getTcKimlikNo()))
            .build());
        notifications.notifyApplicant(application.getId(), Template.RECEIVED, Details.none(), null);
    }
}
