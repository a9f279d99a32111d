package tr.bel.izmit.kadinaile.microcredit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Details;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications.Template;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Typed;

/** "Krediyi kapat": every installment is paid; the loan closes and the applicant is thanked. */
@Component("closeLoan")
class CloseLoanDelegate implements JavaDelegate {

    private final MicrocreditLoans loans;
    private final MicrocreditNotifications notifications;

    CloseLoanDelegate(MicrocreditLoans loans, MicrocreditNotifications notifications) {
        this.loans = loans;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long loanId = Typed.LOAN_ID.from(execution).get();
        loans.close(loanId);
        notifications.notifyApplicant(Typed.APPLICATION_ID.from(execution).get(), Template.LOAN_CLOSED,
            new Details(null, null, loanId, null), null);
    }
}
