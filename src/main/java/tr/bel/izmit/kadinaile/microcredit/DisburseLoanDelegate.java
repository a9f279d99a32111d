package tr.bel.izmit.kadinaile.microcredit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Details;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Template;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Typed;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * "Krediyi öde" (asyncBefore): creates the loan, its payment order and its installments once, even when the
 * job is retried, and tells the applicant. A failure rolls everything back and becomes a job retry, then an
 * incident in Cockpit; the application is never lost.
 */
@Component("disburseLoan")
class DisburseLoanDelegate implements JavaDelegate {

    private final MicrocreditLoans loans;
    private final MicrocreditNotifications notifications;

    DisburseLoanDelegate(MicrocreditLoans loans, MicrocreditNotifications notifications) {
        this.loans = loans;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = Typed.APPLICATION_ID.from(execution).get();
        MicrocreditLoans.DisbursedLoan loan = loans.disburse(applicationId);
        Typed.LOAN_ID.on(execution).set(loan.loanId());
        execution.setVariable(Vars.INSTALLMENT_IDS, Variables.objectValue(loan.installmentIds())
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        notifications.notifyApplicant(applicationId, Template.DISBURSED, new Details(null, null, loan.loanId(), null), null);
    }
}
