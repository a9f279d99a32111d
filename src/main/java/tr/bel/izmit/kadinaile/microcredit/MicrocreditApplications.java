package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TrackingCodes;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.validation.Iban;
import tr.bel.izmit.kadinaile.common.validation.MobilePhone;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/** The microcredit application records: registration, decisions and the loan checks of the eligibility rules. */
@Service("microcreditApplications")
@Transactional
public class MicrocreditApplications {

    static final String TRACKING_PREFIX = "MK";
    /** The unique index of V24_1 that allows one open application per person. */
    static final String OPEN_PERSON_INDEX = "uq_mc_application_open_person";

    /**
     * Above this amount the manager must approve: the threshold of the rule {@code Rule_EligibleWithManagerApproval}
     * of {@code bpmn/microcredit-eligibility.dmn}, applied to the amount the committee approved (the test
     * {@code MicrocreditEligibilityDecisionTests} keeps both the same).
     */
    public static final BigDecimal MANAGER_APPROVAL_ABOVE = new BigDecimal("3000");

    private final MicrocreditApplicationRepository applications;
    private final LoanRepository loans;
    private final Clock clock;

    MicrocreditApplications(MicrocreditApplicationRepository applications, LoanRepository loans, Clock clock) {
        this.applications = applications;
        this.loans = loans;
        this.clock = clock;
    }

    /**
     * Stores an application from start-form values that the form validator has already accepted.
     *
     * @throws ValidationFailedException at the T.C. Kimlik No when the person already has an open application
     *     (checked first, and by the unique index {@code uq_mc_application_open_person} when two arrive at once)
     */
    public MicrocreditApplication register(Map<String, Object> values, String processInstanceId) {
        String tcKimlikNo = text(values, Vars.TC_KIMLIK_NO);
        if (applications.hasOpenApplication(tcKimlikNo)) {
            throw alreadyOpen();
        }
        MicrocreditApplication.Applicant applicant = new MicrocreditApplication.Applicant(
            text(values, Vars.FULL_NAME),
            tcKimlikNo,
            MobilePhone.normalize(text(values, Vars.PHONE)),
            blankToNull(text(values, Vars.EMAIL)),
            text(values, Vars.DISTRICT),
            text(values, Vars.NEIGHBOURHOOD),
            "MEMBER".equals(text(values, Vars.IZGIM_MEMBER)),
            "MEMBER".equals(text(values, Vars.IZGIM_MEMBER)) ? date(values.get(Vars.MEMBER_SINCE)) : null,
            text(values, Vars.SECTOR),
            text(values, Vars.BUSINESS_SUMMARY),
            amount(values.get(Vars.REQUESTED_AMOUNT)),
            Integer.parseInt(String.valueOf(values.get(Vars.TERM_MONTHS)).trim()),
            Iban.normalize(text(values, Vars.IBAN)));
        String trackingCode;
        do {
            trackingCode = TrackingCodes.generate(TRACKING_PREFIX);
        } while (applications.existsByTrackingCode(trackingCode));
        MicrocreditApplication application = new MicrocreditApplication(trackingCode, applicant, Instant.now(clock));
        application.attachProcessInstance(processInstanceId);
        try {
            // flushed now: a concurrent twin that passed the check above waits here for the first to commit, then fails
            return applications.saveAndFlush(application);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT).contains(OPEN_PERSON_INDEX)) {
                throw alreadyOpen();
            }
            throw e;
        }
    }

    /**
     * The refusal says only that this number has an application under way: not which, not since when, not its tracking
     * code, so that someone who knows another woman's number learns as little as possible.
     */
    private static ValidationFailedException alreadyOpen() {
        return ValidationFailedException.of(Vars.TC_KIMLIK_NO, Texts.get("microcredit.application.already-open"));
    }

    @Transactional(readOnly = true)
    public MicrocreditApplication get(Long applicationId) {
        return applications.findById(applicationId)
            .orElseThrow(() -> new NoSuchElementException("microcredit application " + applicationId));
    }

    @Transactional(readOnly = true)
    public boolean hasOpenLoan(String tcKimlikNo) {
        return loans.existsByTcKimlikNoAndStatus(tcKimlikNo, Loan.Status.OPEN);
    }

    @Transactional(readOnly = true)
    public boolean hasOverdueLoan(String tcKimlikNo) {
        return loans.hasOverdueInstallment(tcKimlikNo, LocalDate.now(clock));
    }

    /** Called from the BPMN (execution listeners) as the case moves on. */
    public void markStatus(Long applicationId, String status) {
        get(applicationId).changeStatus(ApplicationStatus.valueOf(status), Instant.now(clock));
    }

    /**
     * An applicant may withdraw only while her application is under review: once the committee approved,
     * money is on its way. Guards the withdrawal in the process itself, whoever sends the message.
     */
    @Transactional(readOnly = true)
    public void assertWithdrawable(Long applicationId) {
        ApplicationStatus status = get(applicationId).getStatus();
        if (status != ApplicationStatus.SUBMITTED && status != ApplicationStatus.IN_REVIEW
                && status != ApplicationStatus.DOCUMENTS_MISSING) {
            throw ValidationFailedException.of("trackingCode", Texts.get("microcredit.withdrawal.too-late"));
        }
    }

    public void markIneligible(Long applicationId, String reasonCode) {
        get(applicationId).markIneligible(reasonCode, Instant.now(clock));
    }

    public void recordApprovedAmount(Long applicationId, BigDecimal approvedAmount) {
        get(applicationId).approve(approvedAmount);
    }

    /** The application of a process instance (our record, found by the engine's own instance id). */
    @Transactional(readOnly = true)
    public MicrocreditApplication ofProcessInstance(String processInstanceId) {
        return applications.findByProcessInstanceId(processInstanceId)
            .orElseThrow(() -> new NoSuchElementException("microcredit application of process instance " + processInstanceId));
    }

    /** Records who completed the committee's task (the engine's acting user), for the four-eyes rule. */
    public void recordCommitteeDecisionBy(Long applicationId, String userId) {
        get(applicationId).recordCommitteeDecisionBy(userId);
    }

    /**
     * Gateway "Müdür onayı gerekli mi?": whether the amount the committee approved, as held in our record, is above
     * {@link #MANAGER_APPROVAL_ABOVE}. Never read from a process variable, which a form could carry.
     */
    @Transactional(readOnly = true)
    public boolean managerApprovalRequired(String processInstanceId) {
        BigDecimal approved = ofProcessInstance(processInstanceId).getApprovedAmount();
        if (approved == null) {
            throw new IllegalStateException("no approved amount recorded for process instance " + processInstanceId);
        }
        return approved.compareTo(MANAGER_APPROVAL_ABOVE) > 0;
    }

    static BigDecimal amount(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return new BigDecimal(String.valueOf(value).trim());
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString().trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate localDate) {
            return localDate;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(tr.bel.izmit.kadinaile.common.ClockConfiguration.ISTANBUL).toLocalDate();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
