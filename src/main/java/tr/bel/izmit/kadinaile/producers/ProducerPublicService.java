package tr.bel.izmit.kadinaile.producers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.portal.PortalProcess;
import tr.bel.izmit.kadinaile.portal.PublicService;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;

/** İzmit Çarşısı producer applications on the public portal: the start form and the status milestones. */
@Component
class ProducerPublicService implements PublicService {

    private final PortalProcess descriptor;

    ProducerPublicService() {
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put(Elements.START, "Başvurunuz alındı");
        milestones.put(Elements.REVIEW, "Başvurunuz pazar koordinatörlerince inceleniyor");
        milestones.put(Elements.FOOD_SAFETY, "Gıda güvenliği kontrolü yapılıyor");
        milestones.put(Elements.NOTIFY_INFO_REQUESTED, "Sizden ek bilgi istendi");
        milestones.put(Elements.INFO_PROVIDED, "Ek bilginiz alındı");
        milestones.put(Elements.END_WITHDRAWN, "Ek bilgi gelmediği için başvurunuz geri çekildi");
        milestones.put(Elements.END_REJECTED, "Başvurunuz kabul edilmedi");
        milestones.put(Elements.END_FOOD_SAFETY_FAILED, "Gıda güvenliği kontrolünden geçilemedi");
        milestones.put(Elements.INVITE_TO_ORIENTATION, "Dayanışma buluşmasına davet edildiniz");
        milestones.put(Elements.OPEN_SHOP, "Mağazanız açılıyor");
        milestones.put(Elements.END_VERIFIED, "İzmit Çarşısı üreticisisiniz");
        this.descriptor = new PortalProcess(ProducerOnboardingProcess.KEY, ProducerOnboardingProcess.Forms.START,
            ProducerOnboardingProcess.TRACKING_PREFIX, "İzmit Çarşısı Üretici Başvurusu",
            "Kocaeli'deki yerel üreticiler ve kadın kooperatifleri için İzmit Çarşısı'nda çevrim içi mağaza ve pazar stantları.",
            List.of("T.C. Kimlik No, ya da kooperatifin adı ve 10 haneli vergi numarası", "Cep telefonu",
                "Ürün kategorileriniz ve üretimi nerede yaptığınız",
                "Gıda satıyorsanız gıda işletme kayıt numaranız"),
            milestones,
            "Pazar koordinatörleri başvurunuzu inceleyecek; gıda ürünlerinde gıda güvenliği kontrolü de yapılır. Onaylanırsanız "
                + "bir dayanışma buluşmasına davet edilirsiniz; mağazanız bu buluşmadan sonra açılır. Takip kodunuz aynı zamanda "
                + "üretici kodunuzdur: stant taleplerinde de kullanırsınız.");
    }

    @Override
    public PortalProcess descriptor() {
        return descriptor;
    }

    @Override
    public int order() {
        return 30;
    }
}
