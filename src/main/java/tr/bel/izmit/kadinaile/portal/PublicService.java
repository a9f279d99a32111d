package tr.bel.izmit.kadinaile.portal;

import java.util.Set;

/**
 * A service that a capability opens on the public portal: each capability (microcredit, courses, producers ...)
 * declares one bean of this type in its own package, so the portal knows nothing of any process in particular.
 * A service whose tracking prefix matches a "coming soon" entry of {@link PortalCatalog} replaces that entry.
 */
public interface PublicService {

    /** What the portal shows of the service and which process an application starts. */
    PortalProcess descriptor();

    /** Where the service stands in the list of services (lower first). */
    default int order() {
        return 100;
    }

    /**
     * Whether an application that waits at these BPMN elements may still be withdrawn by the applicant.
     * Services without withdrawal keep the default.
     */
    default boolean withdrawableAt(Set<String> activeActivityIds) {
        return false;
    }

    /**
     * Withdraws the application with this tracking code (the process itself checks again that it may).
     *
     * @return false when the process no longer accepts the withdrawal
     */
    default boolean withdraw(String trackingCode) {
        return false;
    }
}
