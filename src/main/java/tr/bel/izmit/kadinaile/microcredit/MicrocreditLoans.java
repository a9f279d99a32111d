package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;

/** Loans, their disbursement and their installments. */
@Service("microcreditLoans")
@Transactional
public class MicrocreditLoans {

    /** Reminders and follow-ups are opened in office hours, Turkish time. */
    static final LocalTime OFFICE_HOUR = LocalTime.of(10, 0);
    static final int OVERDUE_FOLLOW_UP_DAYS = 30;

    private final MicrocreditApplications applications;
    private final LoanRepository loans;
    private final DisbursementRepository disbursements;
    private final InstallmentRepository installments;
    private final Clock clock;
    private final ObjectProvider<DisbursementCrashPoint> crashPoint;

    MicrocreditLoans(MicrocreditApplications applications, LoanRepository loans, DisbursementRepository disbursements,
            InstallmentRepository installments, Clock clock, ObjectProvider<DisbursementCrashPoint> crashPoint) {
        this.applications = applications;
        this.loans = loans;
        this.disbursements = disbursements;
        this.installments = installments;
        this.clock = clock;
        this.crashPoint = crashPoint;
    }

    public record DisbursedLoan(Long loanId, List<Long> installmentIds) {
    }

    /**
     * Creates the loan, its payment order and its repayment schedule, once: called again for the same
     * application (a retried job) it returns what the first call created.
     */
    public DisbursedLoan disburse(Long applicationId) {
        Loan loan = loans.findByApplicationId(applicationId).orElseGet(() -> createLoan(applicationId));
        // a mutable list: the engine stores it as JSON and reads it back as an ArrayList
        List<Long> installmentIds = new ArrayList<>();
        installments.findByLoanIdOrderBySequence(loan.getId()).forEach(i -> installmentIds.add(i.getId()));
        return new DisbursedLoan(loan.getId(), installmentIds);
    }

    private Loan createLoan(Long applicationId) {
        MicrocreditApplication application = applications.get(applicationId);
        BigDecimal principal = application.getApprovedAmount();
        if (principal == null) {
            throw new IllegalStateException("application " + applicationId + " has no approved amount");
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock);
        Loan loan = loans.saveAndFlush(new Loan(applicationId, principal, application.getTermMonths(),
            application.getTcKimlikNo(), today, now));
        disbursements.saveAndFlush(new Disbursement(loan.getId(), principal, application.getIban(),
            "IZGIM-MK-" + loan.getId(), now));
        crashPoint.ifAvailable(point -> point.afterPaymentOrderWritten(loan.getId()));
        for (ScheduledInstallment planned : InstallmentSchedule.plan(principal, application.getTermMonths(), today)) {
            installments.save(new Installment(loan.getId(), planned.sequence(), planned.dueDate(), planned.amount()));
        }
        installments.flush();
        applications.markStatus(applicationId, ApplicationStatus.DISBURSED.name());
        return loan;
    }

    @Transactional(readOnly = true)
    public Loan getLoan(Long loanId) {
        return loans.findById(loanId).orElseThrow(() -> new NoSuchElementException("loan " + loanId));
    }

    @Transactional(readOnly = true)
    public Installment installment(Long installmentId) {
        return installments.findById(installmentId)
            .orElseThrow(() -> new NoSuchElementException("installment " + installmentId));
    }

    @Transactional(readOnly = true)
    public List<Installment> installmentsOf(Long loanId) {
        return installments.findByLoanIdOrderBySequence(loanId);
    }

    /** When the reminder for an unpaid installment goes out: its due date, in office hours. */
    @Transactional(readOnly = true)
    public Date reminderTime(Long installmentId) {
        return atOfficeHour(installment(installmentId).getDueDate());
    }

    /** When an unpaid installment opens the overdue follow-up: 30 days after its due date. */
    @Transactional(readOnly = true)
    public Date overdueFollowUpTime(Long installmentId) {
        return atOfficeHour(installment(installmentId).getDueDate().plusDays(OVERDUE_FOLLOW_UP_DAYS));
    }

    /**
     * Records the payment of one installment, which must be paid in full and only once.
     *
     * @throws ValidationFailedException when the amount differs from the installment's amount
     * @throws AlreadyPaidException when it was already paid
     */
    public Installment recordPayment(Long loanId, int sequence, BigDecimal amount, String recordedBy) {
        Installment installment = installments.findByLoanIdAndSequence(loanId, sequence)
            .orElseThrow(() -> new NoSuchElementException("installment " + sequence + " of loan " + loanId));
        if (installment.isPaid()) {
            throw new AlreadyPaidException(sequence);
        }
        if (amount == null || amount.compareTo(installment.getAmount()) != 0) {
            throw ValidationFailedException.of("amount",
                Texts.get("microcredit.validation.payment.amount", TurkishFormats.money(installment.getAmount())));
        }
        installment.markPaid(Instant.now(clock), recordedBy);
        installments.flush();
        return installment;
    }

    /** Closes the loan once every installment is paid. */
    public void close(Long loanId) {
        if (installments.countByLoanIdAndPaidAtIsNull(loanId) > 0) {
            throw new IllegalStateException("loan " + loanId + " still has unpaid installments");
        }
        Loan loan = getLoan(loanId);
        if (loan.getStatus() == Loan.Status.OPEN) {
            loan.close(Instant.now(clock));
            applications.markStatus(loan.getApplicationId(), ApplicationStatus.REPAID.name());
        }
    }

    private static Date atOfficeHour(LocalDate date) {
        return Date.from(date.atTime(OFFICE_HOUR).atZone(ClockConfiguration.ISTANBUL).toInstant());
    }

    /** The installment was paid before. */
    public static class AlreadyPaidException extends ConflictException {
        public AlreadyPaidException(int sequence) {
            super(Texts.get("microcredit.payment.already-paid", String.valueOf(sequence)));
        }
    }
}
