package tr.bel.izmit.kadinaile.producers.stands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.portal.PortalProcess;
import tr.bel.izmit.kadinaile.portal.PublicService;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Elements;

/** Stand requests on the public portal: the start form, the status milestones and the producer's cancellation. */
@Component
class StandPublicService implements PublicService {

    private final StandCaseActions actions;
    private final PortalProcess descriptor;

    StandPublicService(StandCaseActions actions) {
        this.actions = actions;
        Map<String, String> milestones = new LinkedHashMap<>();
        milestones.put(Elements.START, "Stant talebiniz alındı");
        milestones.put(Elements.ALLOCATE, "Yerler adil sırayla dağıtıldı");
        milestones.put(Elements.WAIT_FOR_PLACE, "Sıradasınız: bir yer boşalırsa size verilecek");
        milestones.put(Elements.CONFIRM, "Ayrılan yeriniz koordinatör onayında");
        milestones.put(Elements.NOTIFY_CONFIRMED, "Standınız onaylandı");
        milestones.put(Elements.END_STAND_HELD, "Stant günü tamamlandı");
        milestones.put(Elements.END_DECLINED, "Talebiniz onaylanmadı");
        milestones.put(Elements.END_NO_PLACE, "Bu gün için yer çıkmadı");
        milestones.put(Elements.END_CANCELLED, "Talebinizi iptal ettiniz");
        this.descriptor = new PortalProcess(MarketStandProcess.KEY, MarketStandProcess.Forms.START, MarketStandProcess.TRACKING_PREFIX,
            "Pazar ve Festival Stant Talebi",
            "İzmit Çarşısı üreticileri için Sanat Sokağı, Anıtpark, Dolphin, festival alanları ve Karaabdülbaki Üretici Pazarı'nda stant.",
            List.of("Üretici kodunuz (üretici başvurunuzun takip kodu)", "Kayıtlı cep telefonunuzun son 4 hanesi",
                "İstediğiniz yer ve tarih"),
            milestones,
            "Yerler stant gününden 3 gün önce dağıtılır: yer sayısından çok talep varsa bu ay daha az stant açmış üreticiler, "
                + "sonra daha erken talep edenler önce gelir. Yeriniz pazar koordinatörünün onayıyla kesinleşir ve size SMS ile "
                + "bildirilir. Gelemeyecekseniz talebinizi bu sitede takip kodunuzla iptal edin: yer sıradaki üreticiye verilir.");
    }

    @Override
    public PortalProcess descriptor() {
        return descriptor;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean withdrawableAt(Set<String> activeActivityIds) {
        return StandCaseActions.cancellableAt(activeActivityIds);
    }

    @Override
    public boolean withdraw(String trackingCode) {
        return actions.cancelByProducer(trackingCode);
    }
}
