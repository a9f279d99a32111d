package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Messages;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * Staff actions that move a running case on through a message: our record and the process change in one
 * transaction, or not at all.
 */
@Service
@Transactional
public class MicrocreditCaseActions {

    private final MicrocreditApplicationRepository applications;
    private final MicrocreditLoans loans;
    private final RuntimeService runtimeService;

    MicrocreditCaseActions(MicrocreditApplicationRepository applications, MicrocreditLoans loans, RuntimeService runtimeService) {
        this.applications = applications;
        this.loans = loans;
        this.runtimeService = runtimeService;
    }

    /** The applicant brought the missing documents: the application goes back to the document check. */
    public MicrocreditApplication documentsSubmitted(String trackingCode) {
        MicrocreditApplication application = applications.findByTrackingCode(trackingCode)
            .orElseThrow(() -> new NoSuchElementException(trackingCode));
        runtimeService.createMessageCorrelation(Messages.DOCUMENTS_SUBMITTED)
            .processInstanceBusinessKey(application.getTrackingCode())
            .correlate();
        return application;
    }

    /** Records the full payment of one installment and lets its branch of the repayment finish. */
    public Installment recordPayment(Long loanId, int sequence, BigDecimal amount, String recordedBy) {
        Loan loan = loans.getLoan(loanId);
        Installment installment = loans.recordPayment(loanId, sequence, amount, recordedBy);
        String trackingCode = applications.findById(loan.getApplicationId()).orElseThrow().getTrackingCode();
        runtimeService.createMessageCorrelation(Messages.INSTALLMENT_PAID)
            .processInstanceBusinessKey(trackingCode)
            .localVariableEquals(Vars.INSTALLMENT_ID, installment.getId())
            .correlate();
        return installment;
    }
}
