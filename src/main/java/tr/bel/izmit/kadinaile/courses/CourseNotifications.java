package tr.bel.izmit.kadinaile.courses;

import static tr.bel.izmit.kadinaile.common.TurkishFormats.DATE;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationService;

/** The applicant's notifications in Turkish, by SMS through the outbox, each once per application. */
@Service
@Transactional
public class CourseNotifications {

    public enum Template {
        RECEIVED,
        INTERVIEW_REJECTED,
        ENROLLED,
        WAITLISTED,
        PLACED_FROM_WAITLIST,
        NOT_PLACED,
        WITHDRAWN,
        CERTIFICATE,
        NO_CERTIFICATE
    }

    private final CourseApplicationRepository applications;
    private final CourseRepository courses;
    private final CertificateRepository certificates;
    private final CourseSeats seats;
    private final NotificationService notifications;

    CourseNotifications(CourseApplicationRepository applications, CourseRepository courses, CertificateRepository certificates,
            CourseSeats seats, NotificationService notifications) {
        this.applications = applications;
        this.courses = courses;
        this.certificates = certificates;
        this.seats = seats;
        this.notifications = notifications;
    }

    public void notifyApplicant(Long applicationId, Template template) {
        CourseApplication application = applications.findById(applicationId).orElseThrow();
        notifications.enqueue("course:" + applicationId + ":" + template + ":sms", Channel.SMS, application.getPhone(), null,
            body(application, template));
    }

    String body(CourseApplication application, Template template) {
        Course course = courses.findById(application.getCourseId()).orElseThrow();
        String code = application.getTrackingCode();
        String title = course.getTitle() + " (" + course.getCentre().getName() + ")";
        return switch (template) {
            case RECEIVED -> "İZMEK kurs başvurunuz alındı: " + title + ". Takip kodunuz: " + code + ".";
            case INTERVIEW_REJECTED -> "Ön görüşme sonucunda " + title + " kursuna kaydınız yapılamadı (" + code
                + "). Diğer kurslarımıza başvurabilirsiniz.";
            case ENROLLED -> "Kaydınız tamamlandı: " + title + ", başlangıç " + DATE.format(course.getStartsOn()) + ", "
                + course.getStartsAt() + "-" + course.getEndsAt() + ". Takip kodunuz: " + code + ".";
            case WAITLISTED -> "Kurs dolu olduğu için yedek listeye alındınız: " + title + ", sıranız " + seats.position(application)
                + ". Yer açılırsa size otomatik olarak kayıt yapılır ve haber verilir (" + code + ").";
            case PLACED_FROM_WAITLIST -> "Yedek listeden kaydınız yapıldı: " + title + ", başlangıç "
                + DATE.format(course.getStartsOn()) + ". Takip kodunuz: " + code + ".";
            case NOT_PLACED -> title + " kursu başladı; yedek listeden size yer açılamadı (" + code
                + "). Gelecek dönem kurslarımıza başvurabilirsiniz.";
            case WITHDRAWN -> "İsteğiniz üzerine " + title + " başvurunuz geri çekildi (" + code + ").";
            case CERTIFICATE -> "Tebrikler, " + title + " kursunu tamamladınız. Sertifika numaranız: "
                + certificates.findByApplicationId(application.getId()).orElseThrow().getNumber()
                + ". Sertifikanız bu numarayla /basvuru/sertifika adresinden doğrulanabilir.";
            case NO_CERTIFICATE -> title + " kursunda devamsızlığınız toplam ders saatinin beşte birini aştığı için sertifika "
                + "verilemedi (" + code + ").";
        };
    }
}
