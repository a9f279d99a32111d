package tr.bel.izmit.kadinaile.microcredit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Details;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Template;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Decisions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * Service tasks "… bildir": queues the applicant's notification named by the task's input parameter
 * {@code notificationTemplate}. Written to the outbox in the engine's transaction, sent after commit.
 */
@Component("microcreditNotifier")
class MicrocreditNotifierDelegate implements JavaDelegate {

    static final String TEMPLATE = "notificationTemplate";

    private final MicrocreditNotifications notifications;

    MicrocreditNotifierDelegate(MicrocreditNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Template template = Template.valueOf((String) execution.getVariableLocal(TEMPLATE));
        Details details = new Details(reason(execution, template), (String) execution.getVariable(Vars.MISSING_DOCUMENTS),
            (Long) execution.getVariable(Vars.LOAN_ID), (Long) execution.getVariable(Vars.INSTALLMENT_ID));
        String occurrence = template == Template.DOCUMENTS_MISSING ? execution.getActivityInstanceId() : null;
        notifications.notifyApplicant((Long) execution.getVariable(Vars.APPLICATION_ID), template, details, occurrence);
    }

    private static String reason(DelegateExecution execution, Template template) {
        return switch (template) {
            case INELIGIBLE -> (String) execution.getVariable(Vars.REASON_CODE);
            case REJECTED -> Decisions.REJECT.equals(execution.getVariable(Vars.MANAGER_DECISION))
                ? (String) execution.getVariable(Vars.MANAGER_REJECTION_REASON)
                : (String) execution.getVariable(Vars.COMMITTEE_REJECTION_REASON);
            default -> null;
        };
    }
}
