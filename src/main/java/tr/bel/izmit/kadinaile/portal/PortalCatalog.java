package tr.bel.izmit.kadinaile.portal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What citizens can apply for: the {@link PublicService} beans of the capabilities, in their order. A capability may
 * announce a service before its online application opens with a descriptor without a process key: it is listed as
 * "coming soon" and cannot be started. Only processes listed here can ever be started from the portal; a process a
 * capability does not open here (the violence line, started by the line's operators only) never is.
 */
@Component
public class PortalCatalog {

    private final List<PublicService> services;
    private final List<PortalProcess> processes;

    PortalCatalog(List<PublicService> services) {
        this.services = services.stream().sorted(Comparator.comparingInt(PublicService::order)).toList();
        this.processes = this.services.stream().map(PublicService::descriptor).toList();
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
        return services.stream().filter(s -> s.descriptor().isOpen() && s.descriptor().processKey().equals(processKey))
            .findFirst();
    }

    public Optional<PortalProcess> byTrackingCode(String trackingCode) {
        return processes.stream().filter(PortalProcess::isOpen)
            .filter(p -> trackingCode != null && trackingCode.startsWith(p.trackingPrefix() + "-")).findFirst();
    }
}
