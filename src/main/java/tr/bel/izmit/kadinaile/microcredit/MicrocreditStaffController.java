package tr.bel.izmit.kadinaile.microcredit;

import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.FINANCE_OFFICERS;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * Staff actions on microcredit cases that are not Tasklist tasks: an officer records that the missing
 * documents arrived, a finance officer records an installment payment. HTTP Basic against the Camunda
 * identity; every engine call runs as the caller, under the engine's authorization checks.
 */
@RestController
@RequestMapping("/api/staff/microcredit")
class MicrocreditStaffController {

    private final MicrocreditApplicationRepository applications;
    private final MicrocreditLoans loans;
    private final MicrocreditCaseActions actions;

    MicrocreditStaffController(MicrocreditApplicationRepository applications, MicrocreditLoans loans,
            MicrocreditCaseActions actions) {
        this.applications = applications;
        this.loans = loans;
        this.actions = actions;
    }

    /** The applicant brought the missing documents: the application goes back to the document check. */
    @PostMapping("/applications/{trackingCode}/documents-submitted")
    StatusResponse documentsSubmitted(@PathVariable String trackingCode) {
        MicrocreditApplication application = actions.documentsSubmitted(trackingCode);
        return new StatusResponse(application.getTrackingCode(), Texts.get("microcredit.staff.documents-received"));
    }

    record PaymentRequest(BigDecimal amount) {
    }

    record InstallmentView(int sequence, LocalDate dueDate, BigDecimal amount, Instant paidAt) {
        static InstallmentView of(Installment installment) {
            return new InstallmentView(installment.getSequence(), installment.getDueDate(), installment.getAmount(),
                installment.getPaidAt());
        }
    }

    record LoanView(Long loanId, String trackingCode, BigDecimal principal, String status, LocalDate disbursedOn,
            List<InstallmentView> installments) {
    }

    record StatusResponse(String trackingCode, String message) {
    }

    @GetMapping("/loans/{loanId}")
    @Transactional(readOnly = true)
    LoanView loan(@PathVariable Long loanId) {
        return view(loans.getLoan(loanId));
    }

    /** Records the full payment of one installment and lets its branch of the process finish. */
    @PostMapping("/loans/{loanId}/installments/{sequence}/payment")
    LoanView recordPayment(@PathVariable Long loanId, @PathVariable int sequence, @RequestBody PaymentRequest request,
            Principal caller) {
        String user = caller.getName();
        if (request == null || request.amount() == null) {
            throw ValidationFailedException.of("amount", Texts.get("microcredit.staff.validation.amount-paid.required"));
        }
        actions.recordPayment(loanId, sequence, request.amount(), user);
        return view(loans.getLoan(loanId));
    }

    private LoanView view(Loan loan) {
        String trackingCode = applications.findById(loan.getApplicationId()).map(MicrocreditApplication::getTrackingCode).orElse(null);
        return new LoanView(loan.getId(), trackingCode, loan.getPrincipal(), loan.getStatus().name(), loan.getDisbursedOn(),
            loans.installmentsOf(loan.getId()).stream().map(InstallmentView::of).toList());
    }
}
