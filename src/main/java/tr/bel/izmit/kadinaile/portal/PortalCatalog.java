package tr.bel.izmit.kadinaile.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What citizens can apply for: the {@link PublicService} beans of the capabilities, then a "coming soon" entry
 * for each of the directorate's services that has no online application yet. Only processes listed here can
 * ever be started from the portal; the violence line never is (it is started by the line's operators only).
 */
@Component
public class PortalCatalog {

    /** The directorate's services that are announced before their online application opens. */
    private static final List<PortalProcess> COMING_SOON = List.of(
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

    private final List<PublicService> services;
    private final List<PortalProcess> processes;

    PortalCatalog(List<PublicService> services) {
        this.services = services.stream().sorted(Comparator.comparingInt(PublicService::order)).toList();
        List<PortalProcess> all = new ArrayList<>(this.services.stream().map(PublicService::descriptor).toList());
        COMING_SOON.stream()
            .filter(soon -> all.stream().noneMatch(open -> open.trackingPrefix().equals(soon.trackingPrefix())))
            .forEach(all::add);
        this.processes = List.copyOf(all);
    }

    public List<PortalProcess> all() {
        return processes;
    }

    /** An open service by its process key. */
    public Optional<PortalProcess> find(String processKey) {
        return service(processKey).map(PublicService::descriptor);
    }

    /** The capability behind an open service. */
    public Optional<PublicService> service(String processKey) {
        return services.stream().filter(s -> s.descriptor().processKey().equals(processKey)).findFirst();
    }

    public Optional<PortalProcess> byTrackingCode(String trackingCode) {
        return processes.stream().filter(PortalProcess::isOpen)
            .filter(p -> trackingCode != null && trackingCode.startsWith(p.trackingPrefix() + "-")).findFirst();
    }
}
