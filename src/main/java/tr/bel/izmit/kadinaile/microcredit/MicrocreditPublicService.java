package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;
import tr.bel.izmit.kadinaile.portal.Decision;
import tr.bel.izmit.kadinaile.portal.Decision.Outcome;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;

/**
 * İZGİM microcredit on the public portal: its start form, status milestones, withdrawal and the decision (the loan and
 * its installments as our tables hold them); the texts are {@code portal.microcredit-application.*} in the message bundle.
 */
@Component
class MicrocreditPublicService extends PublicServiceSupport {

    private static final String TEXTS = "portal.microcredit-application.decision.";

    private final MicrocreditApplicationRepository applications;
    private final LoanRepository loans;
    private final InstallmentRepository installments;
    private final Clock clock;

    MicrocreditPublicService(MicrocreditCaseActions actions, MicrocreditApplicationRepository applications, LoanRepository loans,
            InstallmentRepository installments, Clock clock) {
        super(MicrocreditProcess.KEY, MicrocreditProcess.Forms.START, "MK", 10,
            List.of(Elements.START, Elements.CHECK_ELIGIBILITY, Elements.END_INELIGIBLE, Elements.CHECK_DOCUMENTS,
                Elements.NOTIFY_DOCUMENTS_MISSING, Elements.DOCUMENTS_SUBMITTED, Elements.END_WITHDRAWN,
                Elements.ASSESS_BUSINESS_PLAN, Elements.COMMITTEE_DECISION, Elements.MANAGER_APPROVAL, Elements.END_REJECTED,
                Elements.DISBURSE_LOAN, Elements.REPAYMENT, Elements.END_LOAN_REPAID, Elements.END_WITHDRAWN_BY_APPLICANT),
            new Withdrawal(Elements.WITHDRAWABLE_AT, actions::withdrawByApplicant));
        this.applications = applications;
        this.loans = loans;
        this.installments = installments;
        this.clock = clock;
    }

    /** Read from our records: the approved amount, and once paid out the loan and its installment schedule. */
    @Override
    public Optional<Decision> decision(String trackingCode) {
        return applications.findByTrackingCode(trackingCode).flatMap(this::decision);
    }

    private Optional<Decision> decision(MicrocreditApplication application) {
        return switch (application.getStatus()) {
            case INELIGIBLE -> Optional.of(new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "ineligible"),
                List.of(Texts.get(TEXTS + "ineligible.reason", MicrocreditNotifications.ineligibility(application.getReasonCode())),
                    Texts.get(TEXTS + "ineligible.again"))));
            case REJECTED -> Optional.of(new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "rejected"),
                List.of(Texts.get(TEXTS + "rejected.contact"))));
            case WITHDRAWN -> Optional.of(new Decision(Outcome.WITHDRAWN, Texts.get(TEXTS + "withdrawn"),
                List.of(Texts.get(TEXTS + "withdrawn.again"))));
            case APPROVED -> Optional.ofNullable(application.getApprovedAmount()).map(amount -> approved(application, amount));
            case DISBURSED, REPAID -> loans.findByApplicationId(application.getId()).map(loan -> disbursed(application, loan));
            default -> Optional.empty();
        };
    }

    /** Approved, not yet paid out: the amounts are known, the dates only once the money is sent. */
    private Decision approved(MicrocreditApplication application, BigDecimal amount) {
        List<BigDecimal> planned = InstallmentSchedule.plan(amount, application.getTermMonths(), LocalDate.now(clock)).stream()
            .map(ScheduledInstallment::amount).toList();
        return new Decision(Outcome.APPROVED, Texts.get(TEXTS + "approved", TurkishFormats.amount(amount), installments(planned)),
            List.of(Texts.get(TEXTS + "approved.payment")));
    }

    private Decision disbursed(MicrocreditApplication application, Loan loan) {
        List<Installment> schedule = installments.findByLoanIdOrderBySequence(loan.getId());
        String headline = Texts.get(TEXTS + "disbursed", TurkishFormats.amount(loan.getPrincipal()),
            installments(schedule.stream().map(Installment::getAmount).toList()),
            schedule.isEmpty() ? "" : TurkishFormats.DATE.format(schedule.get(0).getDueDate()));
        List<String> details = new ArrayList<>();
        details.add(Texts.get(TEXTS + "disbursed.on", TurkishFormats.DATE.format(loan.getDisbursedOn())));
        schedule.stream().filter(installment -> !installment.isPaid()).findFirst()
            .ifPresentOrElse(next -> details.add(Texts.get(TEXTS + "disbursed.next", String.valueOf(next.getSequence()),
                    TurkishFormats.amount(next.getAmount()), TurkishFormats.DATE.format(next.getDueDate()))),
                () -> details.add(Texts.get(TEXTS + "repaid")));
        return new Decision(Outcome.APPROVED, headline, details);
    }

    /** "10 × 350 TL", or "2 × 333,34 TL + 1 × 333,32 TL" when the kuruş do not divide evenly. */
    static String installments(List<BigDecimal> amounts) {
        Map<BigDecimal, Long> groups = amounts.stream()
            .collect(Collectors.groupingBy(BigDecimal::stripTrailingZeros, LinkedHashMap::new, Collectors.counting()));
        return groups.entrySet().stream().map(group -> group.getValue() + " × " + TurkishFormats.amount(group.getKey()) + " TL")
            .collect(Collectors.joining(" + "));
    }
}
