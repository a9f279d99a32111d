package tr.bel.izmit.kadinaile.courses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.portal.PortalProcess;
import tr.bel.izmit.kadinaile.portal.PublicService;

/** İZMEK courses on the public portal: the start form, status milestones and withdrawal before the course starts. */
@Component
class CoursePublicService implements PublicService {

    private final CourseCaseActions actions;
    private final PortalProcess descriptor;

    CoursePublicService(CourseCaseActions actions) {
        this.actions = actions;
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put(Elements.START, "Başvurunuz alındı");
        milestones.put(Elements.PRE_INTERVIEW, "Ön görüşme");
        milestones.put(Elements.END_INTERVIEW_REJECTED, "Ön görüşmede kabul edilmediniz");
        milestones.put(Elements.NOTIFY_ENROLLED, "Kaydınız yapıldı");
        milestones.put(Elements.NOTIFY_WAITLISTED, "Yedek listeye alındınız");
        milestones.put(Elements.SEAT_RELEASED, "Yedek listeden kaydınız yapıldı");
        milestones.put(Elements.END_NOT_PLACED, "Kurs başladı, yer açılamadı");
        milestones.put(Elements.COURSE_STARTS, "Kursun başlaması bekleniyor");
        milestones.put(Elements.COURSE_ENDED, "Kurs sürüyor");
        milestones.put(Elements.RECORD_ATTENDANCE, "Devam durumunuz kaydediliyor");
        milestones.put(Elements.END_CERTIFIED, "Sertifikanız düzenlendi");
        milestones.put(Elements.END_DROPPED_OUT, "Devamsızlık nedeniyle sertifika verilemedi");
        milestones.put(Elements.END_WITHDRAWN, "Başvurunuzu geri çektiniz");
        this.descriptor = new PortalProcess(CourseProcess.KEY, CourseProcess.Forms.START, CourseProcess.TRACKING_PREFIX,
            "İZMEK Meslek Edindirme Kursları",
            "47 kurs merkezinde usta öğreticilerle ücretsiz meslek kursları.",
            List.of("T.C. Kimlik No", "Doğum tarihi", "Cep telefonu", "Seçtiğiniz kursun kodu (açık kurslar: /basvuru/kurslar)"),
            milestones,
            "Kontenjanda yer varsa kaydınız hemen yapılır; kurs doluysa yedek listeye alınırsınız ve yer açıldığında sıranız "
                + "geldiğinde kaydınız otomatik yapılır. Ön görüşmeli kurslarda kurs koordinatörü sizi arayacaktır. Her adımda "
                + "SMS ile bilgi verilir; kurs başlayana kadar başvurunuzu bu sitede takip kodunuzla geri çekebilirsiniz.");
    }

    @Override
    public PortalProcess descriptor() {
        return descriptor;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean withdrawableAt(Set<String> activeActivityIds) {
        return !activeActivityIds.isEmpty() && Elements.WITHDRAWABLE_AT.containsAll(activeActivityIds);
    }

    @Override
    public boolean withdraw(String trackingCode) {
        return actions.withdrawByApplicant(trackingCode);
    }
}
