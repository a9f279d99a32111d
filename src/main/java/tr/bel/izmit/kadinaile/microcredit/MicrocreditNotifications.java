package tr.bel.izmit.kadinaile.microcredit;

import static tr.bel.izmit.kadinaile.common.TurkishFormats.DATE;
import static tr.bel.izmit.kadinaile.common.TurkishFormats.money;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;

/** The applicant's notifications in Turkish, by SMS and, where she gave an address, by e-mail. */
@Service
@Transactional
public class MicrocreditNotifications {

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

    static final Map<String, String> INELIGIBILITY_REASONS = Map.of(
        "AMOUNT_BELOW_MINIMUM", "talep edilen tutar 1.500 TL'nin altında",
        "AMOUNT_ABOVE_MAXIMUM", "talep edilen tutar 5.000 TL'nin üzerinde",
        "OVERDUE_LOAN", "vadesi geçmiş ödenmemiş bir taksitiniz bulunuyor",
        "OPEN_LOAN", "kapanmamış bir mikrokredi borcunuz bulunuyor",
        "NOT_RESIDENT_IN_IZMIT", "program yalnızca İzmit'te ikamet eden kadın girişimcilere açık");

    private static final String SUBJECT = "İZGİM Faizsiz Mikrokredi";

    private final MicrocreditApplications applications;
    private final MicrocreditLoans loans;
    private final NotificationService notifications;

    MicrocreditNotifications(MicrocreditApplications applications, MicrocreditLoans loans, NotificationService notifications) {
        this.applications = applications;
        this.loans = loans;
        this.notifications = notifications;
    }

    /** What a notification needs besides the application: a reason, the missing documents, an installment. */
    public record Details(String reason, String missingDocuments, Long loanId, Long installmentId) {
        public static Details none() {
            return new Details(null, null, null, null);
        }
    }

    /**
     * Queues the notification for both channels.
     *
     * @param occurrence distinguishes notifications of one template that may legitimately happen more than
     *     once for the same application (a second "documents missing"); null for those that happen once
     */
    public void notifyApplicant(Long applicationId, Template template, Details details, String occurrence) {
        MicrocreditApplication application = applications.get(applicationId);
        String body = body(application, template, details);
        String key = "microcredit:" + applicationId + ":" + template
            + (details.installmentId() != null ? ":" + details.installmentId() : "")
            + (occurrence != null ? ":" + occurrence : "");
        notifications.enqueue(key + ":sms", Channel.SMS, application.getPhone(), null, body);
        if (application.getEmail() != null) {
            notifications.enqueue(key + ":email", Channel.EMAIL, application.getEmail(), SUBJECT,
                "Sayın " + application.getFullName() + ",\n\n" + body + "\n\nİzmit Belediyesi Kadın ve Aile Hizmetleri Müdürlüğü");
        }
    }

    String body(MicrocreditApplication application, Template template, Details details) {
        String code = application.getTrackingCode();
        return switch (template) {
            case RECEIVED -> "İZGİM mikrokredi başvurunuz alındı. Takip kodunuz: " + code + ".";
            case INELIGIBLE -> "Başvurunuz (" + code + ") ön koşulları karşılamadığı için değerlendirmeye alınamadı: "
                + INELIGIBILITY_REASONS.getOrDefault(details.reason(), "ön koşullar sağlanmadı") + ".";
            case DOCUMENTS_MISSING -> "Başvurunuzda (" + code + ") eksik belge var: " + details.missingDocuments()
                + ". Lütfen 14 gün içinde İZGİM'e teslim ediniz; aksi halde başvurunuz geri çekilmiş sayılır.";
            case WITHDRAWN -> "Eksik belgeler 14 gün içinde teslim edilmediği için başvurunuz (" + code + ") geri çekildi.";
            case WITHDRAWN_BY_APPLICANT -> "İsteğiniz üzerine başvurunuz (" + code + ") geri çekildi. Dilediğiniz zaman yeniden başvurabilirsiniz.";
            case REJECTED -> "Başvurunuz (" + code + ") kabul edilmedi. Gerekçe: " + details.reason();
            case DISBURSED -> disbursed(application, details);
            case INSTALLMENT_REMINDER -> reminder(details);
            case LOAN_CLOSED -> "Tüm taksitleriniz ödendi, mikrokrediniz (" + code + ") kapandı. Teşekkür ederiz.";
        };
    }

    private String disbursed(MicrocreditApplication application, Details details) {
        List<Installment> schedule = loans.installmentsOf(details.loanId());
        return "Mikrokrediniz onaylandı: " + money(application.getApprovedAmount()) + " TL, " + schedule.size()
            + " taksit. Tutar IBAN'ınıza ödenmek üzere ödeme emrine bağlandı. İlk taksit: "
            + money(schedule.get(0).getAmount()) + " TL, vade " + DATE.format(schedule.get(0).getDueDate()) + ".";
    }

    private String reminder(Details details) {
        Installment installment = loans.installment(details.installmentId());
        return installment.getSequence() + ". taksitinizin (" + money(installment.getAmount()) + " TL) vadesi "
            + DATE.format(installment.getDueDate()) + ". Ödemenizi yapmadıysanız lütfen en kısa sürede yapınız.";
    }

}
