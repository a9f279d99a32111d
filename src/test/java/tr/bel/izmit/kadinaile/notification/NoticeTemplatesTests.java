package tr.bel.izmit.kadinaile.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.courses.CourseNotifications;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditNotifications;
import tr.bel.izmit.kadinaile.producers.ProducerNotifications;
import tr.bel.izmit.kadinaile.producers.stands.StandNotifications;

/**
 * The notices' templates in the message bundle give, word for word, the texts citizens received when the bodies were
 * still concatenated in code (the expected strings below are those concatenations with sample values).
 */
class NoticeTemplatesTests {

    private static final String CODE = "MK-7F3K-9Q2X";

    @Test
    void shouldWriteTheMicrocreditNoticesAsBefore() {
        assertThat(ApplicantNotices.body("microcredit", "RECEIVED", CODE))
            .isEqualTo("İZGİM mikrokredi başvurunuz alındı. Takip kodunuz: " + CODE + ".");
        assertThat(ApplicantNotices.body("microcredit", "INELIGIBLE", CODE, "talep edilen tutar 1.500 TL'nin altında"))
            .isEqualTo("Başvurunuz (" + CODE + ") ön koşulları karşılamadığı için değerlendirmeye alınamadı: "
                + "talep edilen tutar 1.500 TL'nin altında.");
        assertThat(ApplicantNotices.body("microcredit", "DOCUMENTS_MISSING", CODE, "İkametgah belgesi"))
            .isEqualTo("Başvurunuzda (" + CODE + ") eksik belge var: İkametgah belgesi"
                + ". Lütfen 14 gün içinde İZGİM'e teslim ediniz; aksi halde başvurunuz geri çekilmiş sayılır.");
        assertThat(ApplicantNotices.body("microcredit", "WITHDRAWN", CODE))
            .isEqualTo("Eksik belgeler 14 gün içinde teslim edilmediği için başvurunuz (" + CODE + ") geri çekildi.");
        assertThat(ApplicantNotices.body("microcredit", "WITHDRAWN_BY_APPLICANT", CODE))
            .isEqualTo("İsteğiniz üzerine başvurunuz (" + CODE + ") geri çekildi. Dilediğiniz zaman yeniden başvurabilirsiniz.");
        assertThat(ApplicantNotices.body("microcredit", "REJECTED", CODE, "Bütçe bu dönem için tükendi."))
            .isEqualTo("Başvurunuz (" + CODE + ") kabul edilmedi. Gerekçe: Bütçe bu dönem için tükendi.");
        assertThat(ApplicantNotices.body("microcredit", "DISBURSED", CODE, "3.000,00", "12", "250,00", "05.01.2027"))
            .isEqualTo("Mikrokrediniz onaylandı: 3.000,00 TL, 12 taksit. Tutar IBAN'ınıza ödenmek üzere ödeme emrine bağlandı. "
                + "İlk taksit: 250,00 TL, vade 05.01.2027.");
        assertThat(ApplicantNotices.body("microcredit", "INSTALLMENT_REMINDER", CODE, "1", "250,00", "05.01.2027"))
            .isEqualTo("1. taksitinizin (250,00 TL) vadesi 05.01.2027. Ödemenizi yapmadıysanız lütfen en kısa sürede yapınız.");
        assertThat(ApplicantNotices.body("microcredit", "LOAN_CLOSED", CODE))
            .isEqualTo("Tüm taksitleriniz ödendi, mikrokrediniz (" + CODE + ") kapandı. Teşekkür ederiz.");
    }

    @Test
    void shouldWriteTheCourseNoticesAsBefore() {
        String code = "KR-1111-2222";
        String title = "Bilgisayar (Yahya Kaptan Kurs Merkezi)";
        assertThat(ApplicantNotices.body("courses", "RECEIVED", code, title))
            .isEqualTo("İZMEK kurs başvurunuz alındı: " + title + ". Takip kodunuz: " + code + ".");
        assertThat(ApplicantNotices.body("courses", "INTERVIEW_REJECTED", code, title))
            .isEqualTo("Ön görüşme sonucunda " + title + " kursuna kaydınız yapılamadı (" + code
                + "). Diğer kurslarımıza başvurabilirsiniz.");
        assertThat(ApplicantNotices.body("courses", "ENROLLED", code, title, "12.01.2027", "09:30", "12:00"))
            .isEqualTo("Kaydınız tamamlandı: " + title + ", başlangıç 12.01.2027, 09:30-12:00. Takip kodunuz: " + code + ".");
        assertThat(ApplicantNotices.body("courses", "WAITLISTED", code, title, "3"))
            .isEqualTo("Kurs dolu olduğu için yedek listeye alındınız: " + title + ", sıranız 3"
                + ". Yer açılırsa size otomatik olarak kayıt yapılır ve haber verilir (" + code + ").");
        assertThat(ApplicantNotices.body("courses", "PLACED_FROM_WAITLIST", code, title, "12.01.2027"))
            .isEqualTo("Yedek listeden kaydınız yapıldı: " + title + ", başlangıç 12.01.2027. Takip kodunuz: " + code + ".");
        assertThat(ApplicantNotices.body("courses", "NOT_PLACED", code, title))
            .isEqualTo(title + " kursu başladı; yedek listeden size yer açılamadı (" + code
                + "). Gelecek dönem kurslarımıza başvurabilirsiniz.");
        assertThat(ApplicantNotices.body("courses", "WITHDRAWN", code, title))
            .isEqualTo("İsteğiniz üzerine " + title + " başvurunuz geri çekildi (" + code + ").");
        assertThat(ApplicantNotices.body("courses", "CERTIFICATE", code, title, "IZMEK-2027-00042"))
            .isEqualTo("Tebrikler, " + title + " kursunu tamamladınız. Sertifika numaranız: IZMEK-2027-00042"
                + ". Sertifikanız bu numarayla /basvuru/sertifika adresinden doğrulanabilir.");
        assertThat(ApplicantNotices.body("courses", "NO_CERTIFICATE", code, title))
            .isEqualTo(title + " kursunda devamsızlığınız toplam ders saatinin beşte birini aştığı için sertifika "
                + "verilemedi (" + code + ").");
    }

    @Test
    void shouldWriteTheProducerNoticesAsBefore() {
        String code = "UR-1111-2222";
        assertThat(ApplicantNotices.body("producers", "RECEIVED", code, null))
            .isEqualTo("İzmit Çarşısı üretici başvurunuz alındı. Takip kodunuz: " + code + ".");
        assertThat(ApplicantNotices.body("producers", "INFO_REQUESTED", code, "Üretim yerinin adresi?"))
            .isEqualTo("İzmit Çarşısı başvurunuz (" + code + ") için ek bilgi gerekiyor: Üretim yerinin adresi?"
                + " Lütfen 14 gün içinde pazar koordinatörlüğüne iletin; aksi halde başvurunuz geri çekilmiş sayılır.");
        assertThat(ApplicantNotices.body("producers", "WITHDRAWN", code, null))
            .isEqualTo("İstenen ek bilgi 14 gün içinde gelmediği için İzmit Çarşısı başvurunuz (" + code
                + ") geri çekilmiş sayıldı. Dilediğiniz zaman yeniden başvurabilirsiniz.");
        assertThat(ApplicantNotices.body("producers", "REJECTED", code, "Ürünler el emeği değil."))
            .isEqualTo("İzmit Çarşısı başvurunuz (" + code + ") kabul edilmedi. Gerekçe: Ürünler el emeği değil.");
        assertThat(ApplicantNotices.body("producers", "FOOD_SAFETY_FAILED", code, "Kayıt yok."))
            .isEqualTo("İzmit Çarşısı başvurunuz (" + code + ") gıda güvenliği incelemesinden geçemedi; gıda ürünleri satışı "
                + "için başvurunuz kabul edilmedi. Açıklama: Kayıt yok.");
        assertThat(ApplicantNotices.body("producers", "ORIENTATION_INVITATION", code, "14.01.2027"))
            .isEqualTo("İzmit Çarşısı başvurunuz (" + code + ") onaylandı. 14.01.2027"
                + " tarihindeki dayanışma buluşmasına davetlisiniz; mağazanız bu buluşmaya katılımınızdan sonra açılır.");
        assertThat(ApplicantNotices.body("producers", "VERIFIED", code, null))
            .isEqualTo("İzmit Çarşısı'na hoş geldiniz! Üretici kodunuz: " + code
                + ". Stant taleplerinizde bu kodu ve telefonunuzun son 4 hanesini kullanın.");
    }

    @Test
    void shouldWriteTheStandNoticesAsBefore() {
        String code = "ST-1111-2222";
        String place = "Sanat Sokağı";
        String day = "16.01.2027";
        assertThat(ApplicantNotices.body("stands", "RECEIVED", place, day, code, "3"))
            .isEqualTo(place + " için " + day + " tarihli stant talebiniz alındı (" + code + "). Yerler stant gününden "
                + "3 gün önce dağıtılır; bu ay daha az stant açmış üreticiler önceliklidir.");
        assertThat(ApplicantNotices.body("stands", "CONFIRMED", place, day, code, null))
            .isEqualTo(place + " standınız " + day + " için onaylandı (" + code + "). Gelemezseniz lütfen takip kodunuzla iptal "
                + "edin; yer sıradaki üreticiye verilir.");
        assertThat(ApplicantNotices.body("stands", "DECLINED", place, day, code, "Alan kapalı."))
            .isEqualTo(place + " için " + day + " tarihli stant talebiniz onaylanmadı (" + code + "). Gerekçe: Alan kapalı.");
        assertThat(ApplicantNotices.body("stands", "NO_PLACE", place, day, code, null))
            .isEqualTo(place + " için " + day + " tarihinde yer açılmadı (" + code + "); talebiniz kapandı.");
        assertThat(ApplicantNotices.body("stands", "CANCELLED", place, day, code, null))
            .isEqualTo(place + " için " + day + " tarihli stant talebinizi iptal ettiniz (" + code + ").");
    }

    @Test
    void shouldHaveATemplateForEveryNoticeOfEveryProcess() {
        Map<String, Enum<?>[]> notices = Map.of(
            "microcredit", MicrocreditNotifications.Template.values(),
            "courses", CourseNotifications.Template.values(),
            "producers", ProducerNotifications.Template.values(),
            "stands", StandNotifications.Template.values());
        notices.forEach((capability, templates) -> {
            for (Enum<?> template : templates) {
                assertThat(Texts.find(ApplicantNotices.key(capability, template.name())))
                    .as(capability + " " + template).isPresent();
            }
        });
        assertThat(Texts.find("notification.microcredit.email.subject")).isPresent();
        assertThat(Texts.find("notification.producers.email.subject")).isPresent();
        assertThat(Texts.find("notification.courses.email.subject")).as("courses ask for no e-mail address").isEmpty();
        assertThat(Texts.find("notification.stands.email.subject")).as("stand notices go by SMS only").isEmpty();
    }

    @Test
    void shouldWrapTheEmailInTheDirectoratesLetter() {
        assertThat(Texts.get("notification.email.body", "Ayşe Yılmaz", "Metin."))
            .isEqualTo("Sayın Ayşe Yılmaz,\n\nMetin.\n\nİzmit Belediyesi Kadın ve Aile Hizmetleri Müdürlüğü");
    }

    @Test
    void shouldKeepAnArgumentsApostropheAndBraces() {
        assertThat(ApplicantNotices.body("microcredit", "REJECTED", CODE, "İZGİM'e {0} gelin"))
            .endsWith("Gerekçe: İZGİM'e {0} gelin");
    }
}
