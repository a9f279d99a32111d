package tr.bel.izmit.kadinaile.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Elements;

/**
 * What citizens can apply for. Only processes listed here can ever be started from the portal; the
 * violence line never is (it is started by the line's operators only).
 */
@Component
public class PortalCatalog {

    private final List<PortalProcess> processes;

    PortalCatalog() {
        Map<String, String> microcreditMilestones = new LinkedHashMap<>();
        microcreditMilestones.put(Elements.START, "Başvurunuz alındı");
        microcreditMilestones.put(Elements.CHECK_ELIGIBILITY, "Ön koşullar kontrol edildi");
        microcreditMilestones.put(Elements.END_INELIGIBLE, "Başvurunuz ön koşulları karşılamadı");
        microcreditMilestones.put(Elements.CHECK_DOCUMENTS, "Belgeleriniz inceleniyor");
        microcreditMilestones.put(Elements.NOTIFY_DOCUMENTS_MISSING, "Eksik belgeleriniz size bildirildi");
        microcreditMilestones.put(Elements.DOCUMENTS_SUBMITTED, "Eksik belgeleriniz teslim alındı");
        microcreditMilestones.put(Elements.END_WITHDRAWN, "Başvurunuz geri çekildi");
        microcreditMilestones.put(Elements.ASSESS_BUSINESS_PLAN, "İş planınız değerlendiriliyor");
        microcreditMilestones.put(Elements.COMMITTEE_DECISION, "Kredi komitesi değerlendiriyor");
        microcreditMilestones.put(Elements.MANAGER_APPROVAL, "Müdür onayı bekleniyor");
        microcreditMilestones.put(Elements.END_REJECTED, "Başvurunuz kabul edilmedi");
        microcreditMilestones.put(Elements.DISBURSE_LOAN, "Krediniz ödemeye alındı");
        microcreditMilestones.put(Elements.REPAYMENT, "Taksit geri ödemesi sürüyor");
        microcreditMilestones.put(Elements.END_LOAN_REPAID, "Krediniz kapandı");
        microcreditMilestones.put(Elements.END_WITHDRAWN_BY_APPLICANT, "Başvurunuzu geri çektiniz");
        this.processes = List.of(
            new PortalProcess(MicrocreditProcess.KEY, MicrocreditProcess.Forms.START, "MK",
                "İZGİM Faizsiz Mikrokredi",
                "İzmit'te yaşayan kadın girişimcilere işlerini kurmaları ya da büyütmeleri için 1.500–5.000 TL faizsiz kredi.",
                List.of("T.C. Kimlik No", "Cep telefonu", "Kendi adınıza açılmış bir banka hesabının IBAN'ı",
                    "İşinizi ve krediyle ne yapacağınızı anlatan birkaç cümle"),
                microcreditMilestones,
                "İZGİM memurları başvurunuzu ve belgelerinizi inceleyecek, iş planınız değerlendirilecek ve kredi komitesi "
                    + "karar verecek. Her adımda size SMS ile bilgi verilir; durumunu takip kodunuzla bu sitede görebilirsiniz."),
            new PortalProcess(null, null, "KR", "İZMEK Meslek Edindirme Kursları",
                "47 kurs merkezinde usta öğreticilerle ücretsiz meslek kursları.",
                List.of("T.C. Kimlik No", "Doğum tarihi", "Cep telefonu", "Seçtiğiniz kurs"), Map.of(),
                "Çevrim içi başvuru yakında açılacak."),
            new PortalProcess(null, null, "UR", "İzmit Çarşısı Üretici Başvurusu",
                "Yerel üreticiler ve kadın kooperatifleri için çevrim içi mağaza ve stant imkânı.",
                List.of("T.C. Kimlik No veya kooperatifin vergi numarası", "Ürün kategorileri",
                    "Gıda satıyorsanız gıda işletme kayıt numarası"), Map.of(),
                "Çevrim içi başvuru yakında açılacak."),
            new PortalProcess(null, null, "ST", "Pazar ve Festival Stant Talebi",
                "İzmit Çarşısı üreticileri için Sanat Sokağı, Anıtpark ve festival alanlarında stant.",
                List.of("Üretici takip kodunuz", "İstediğiniz yer ve tarih"), Map.of(),
                "Çevrim içi başvuru yakında açılacak."));
    }

    public List<PortalProcess> all() {
        return processes;
    }

    /** An open service by its process key. */
    public Optional<PortalProcess> find(String processKey) {
        return processes.stream().filter(PortalProcess::isOpen).filter(p -> p.processKey().equals(processKey)).findFirst();
    }

    public Optional<PortalProcess> byTrackingCode(String trackingCode) {
        return processes.stream().filter(PortalProcess::isOpen)
            .filter(p -> trackingCode != null && trackingCode.startsWith(p.trackingPrefix() + "-")).findFirst();
    }
}
