package tr.bel.izmit.kadinaile.microcredit;

import static tr.bel.izmit.kadinaile.common.TurkishFormats.DATE;
import static tr.bel.izmit.kadinaile.common.TurkishFormats.money;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Decisions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Typed;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;
import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.notification.ApplicantNotices;
import tr.bel.izmit.kadinaile.notification.NoticeSource;

/**
 * The applicant's notifications, by SMS and, where she gave an address, by e-mail: the templates
 * {@code notification.microcredit.*} of the message bundle, filled from the application, its loan and the process.
 */
@Service
@Transactional
public class MicrocreditNotifications implements NoticeSource {

    static final String CAPABILITY = "microcredit";

    public enum Template {
        RECEIVED,
        INELIGIBLE,
        DOCUMENTS_MISSING,
        WITHDRAWN,
        WITHDRAWN_BY_APPLICANT,
        REJECTED,
        DISBURSED,
        INSTALLMENT_REMINDER,
        LOAN_CLOSED
    }

    private final MicrocreditApplications applications;
    private final MicrocreditLoans loans;
    private final ApplicantNotices notices;

    MicrocreditNotifications(MicrocreditApplications applications, MicrocreditLoans loans, ApplicantNotices notices) {
        this.applications = applications;
        this.loans = loans;
        this.notices = notices;
    }

    /** What a notification needs besides the application: a reason, the missing documents, an installment. */
    public record Details(String reason, String missingDocuments, Long loanId, Long installmentId) {
        public static Details none() {
            return new Details(null, null, null, null);
        }
    }

    @Override
    public String processKey() {
        return MicrocreditProcess.KEY;
    }

    /** The "… bildir" tasks of the process: the template named by the task, with what the process decided. */
    @Override
    public void send(DelegateExecution execution, String templateName) {
        Template template = Template.valueOf(templateName);
        Details details = new Details(reason(execution, template), Typed.MISSING_DOCUMENTS.from(execution).getOrNull(),
            Typed.LOAN_ID.from(execution).getOrNull(), Typed.INSTALLMENT_ID.from(execution).getOrNull());
        String occurrence = template == Template.DOCUMENTS_MISSING ? execution.getActivityInstanceId() : null;
        notifyApplicant(Typed.APPLICATION_ID.from(execution).getOrNull(), template, details, occurrence);
    }

    /**
     * Queues the notification for both channels.
     *
     * @param occurrence distinguishes notifications of one template that may legitimately happen more than
     *     once for the same application (a second "documents missing"); null for those that happen once
     */
    public void notifyApplicant(Long applicationId, Template template, Details details, String occurrence) {
        MicrocreditApplication application = applications.get(applicationId);
        String key = "microcredit:" + applicationId + ":" + template
            + (details.installmentId() != null ? ":" + details.installmentId() : "")
            + (occurrence != null ? ":" + occurrence : "");
        notices.send(key, new Addressee(application.getFullName(), application.getPhone(), application.getEmail()),
            CAPABILITY, template.name(), arguments(application, template, details));
    }

    /** The template's placeholders: {0} is always the tracking code. */
    private Object[] arguments(MicrocreditApplication application, Template template, Details details) {
        String code = application.getTrackingCode();
        return switch (template) {
            case INELIGIBLE -> new Object[] {code, ineligibility(details.reason())};
            case DOCUMENTS_MISSING -> new Object[] {code, details.missingDocuments()};
            case REJECTED -> new Object[] {code, details.reason()};
            case DISBURSED -> disbursed(application, details);
            case INSTALLMENT_REMINDER -> reminder(code, details);
            default -> new Object[] {code};
        };
    }

    /** Why the application was not taken up, in words: {@code microcredit.ineligibility.<reason code>}. */
    static String ineligibility(String reasonCode) {
        String fallback = Texts.get("microcredit.ineligibility.default");
        return reasonCode == null ? fallback
            : Texts.find("microcredit.ineligibility." + reasonCode.toLowerCase(Locale.ROOT).replace('_', '-')).orElse(fallback);
    }

    private Object[] disbursed(MicrocreditApplication application, Details details) {
        List<Installment> schedule = loans.installmentsOf(details.loanId());
        return new Object[] {application.getTrackingCode(), money(application.getApprovedAmount()), String.valueOf(schedule.size()),
            money(schedule.get(0).getAmount()), DATE.format(schedule.get(0).getDueDate())};
    }

    private Object[] reminder(String code, Details details) {
        Installment installment = loans.installment(details.installmentId());
        return new Object[] {code, String.valueOf(installment.getSequence()), money(installment.getAmount()),
            DATE.format(installment.getDueDate())};
    }

    private static String reason(DelegateExecution execution, Template template) {
        return switch (template) {
            case INELIGIBLE -> Typed.REASON_CODE.from(execution).getOrNull();
            case REJECTED -> Decisions.REJECT.equals(execution.getVariable(Vars.MANAGER_DECISION))
                ? Typed.MANAGER_REJECTION_REASON.from(execution).getOrNull()
                : Typed.COMMITTEE_REJECTION_REASON.from(execution).getOrNull();
            default -> null;
        };
    }
}
