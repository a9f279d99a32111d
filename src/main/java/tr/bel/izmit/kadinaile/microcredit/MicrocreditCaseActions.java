package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.util.List;
import java.util.NoSuchElementException;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.engine.TechnicalEngineCalls;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Messages;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * Staff actions that move a running case on through a message: our record and the process change in one
 * transaction, or not at all. The callers (our staff API, the portal) have checked who asks; the engine refuses a
 * person's correlation, so the messages are sent as the application ({@link TechnicalEngineCalls}).
 */
@Service
@Transactional
public class MicrocreditCaseActions {

    private final MicrocreditApplicationRepository applications;
    private final MicrocreditLoans loans;
    private final RuntimeService runtimeService;
    private final TechnicalEngineCalls technical;

    MicrocreditCaseActions(MicrocreditApplicationRepository applications, MicrocreditLoans loans, RuntimeService runtimeService,
            TechnicalEngineCalls technical) {
        this.applications = applications;
        this.loans = loans;
        this.runtimeService = runtimeService;
        this.technical = technical;
    }

    /** The applicant brought the missing documents: the application goes back to the document check. */
    public MicrocreditApplication documentsSubmitted(String trackingCode) {
        MicrocreditApplication application = applications.findByTrackingCode(trackingCode)
            .orElseThrow(() -> new NoSuchElementException(trackingCode));
        technical.run(() -> runtimeService.createMessageCorrelation(Messages.DOCUMENTS_SUBMITTED)
            .processInstanceBusinessKey(application.getTrackingCode())
            .correlate());
        return application;
    }

    /**
     * The applicant withdraws her application (with its tracking code, from the portal). Allowed while it is
     * under review, before the committee's approval leads to a payment.
     *
     * @return false when the application is not (or no longer) withdrawable
     */
    public boolean withdrawByApplicant(String trackingCode) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingCode)
            .processDefinitionKey(MicrocreditProcess.KEY).active().singleResult();
        List<String> waitingAt = instance == null ? List.of() : runtimeService.getActiveActivityIds(instance.getId());
        if (waitingAt.isEmpty() || !MicrocreditProcess.Elements.WITHDRAWABLE_AT.containsAll(waitingAt)) {
            return false;
        }
        runtimeService.createMessageCorrelation(Messages.WITHDRAWN_BY_APPLICANT)
            .processInstanceBusinessKey(trackingCode)
            .correlate();
        return true;
    }

    /** Records the full payment of one installment and lets its branch of the repayment finish. */
    public Installment recordPayment(Long loanId, int sequence, BigDecimal amount, String recordedBy) {
        Loan loan = loans.getLoan(loanId);
        Installment installment = loans.recordPayment(loanId, sequence, amount, recordedBy);
        String trackingCode = applications.findById(loan.getApplicationId()).orElseThrow().getTrackingCode();
        technical.run(() -> runtimeService.createMessageCorrelation(Messages.INSTALLMENT_PAID)
            .processInstanceBusinessKey(trackingCode)
            .localVariableEquals(Vars.INSTALLMENT_ID, installment.getId())
            .correlate());
        return installment;
    }
}
