package tr.bel.izmit.kadinaile.portal;

import java.util.Optional;
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

    /**
     * The start form's fields that a link may fill in (e.g. the course from the course list), never personal data: a
     * link is anyone's to write.
     */
    default Set<String> linkFields() {
        return Set.of();
    }

    /** Where a milestone stands for an application: passed, where it waits now, or still ahead on the usual path. */
    enum Phase {
        DONE,
        NOW,
        AHEAD
    }

    /**
     * How a milestone reads on the status page in a phase: finished ones in the past tense, the current one as what
     * happens now, the ones ahead greyed. Empty for a milestone off the usual path (a rejection, a reminder) asked
     * for {@link Phase#AHEAD}: it is never announced in advance. By default every phase shows its label, and nothing
     * is announced.
     */
    default Optional<String> milestone(String elementId, Phase phase) {
        return phase == Phase.AHEAD ? Optional.empty() : Optional.ofNullable(descriptor().milestones().get(elementId));
    }

    /**
     * The decision on the application with this tracking code, read from the capability's own tables; empty while
     * nothing is decided. Never personal data, never a staff member's free text.
     */
    default Optional<Decision> decision(String trackingCode) {
        return Optional.empty();
    }

    /** The service's phone and address for questions about an application. */
    default Optional<ServiceContact> contact() {
        return Optional.empty();
    }

    /** A page of the service's own to look through before applying (e.g. the course list), linked from the services page. */
    default Optional<ServiceContact.Link> browse() {
        return Optional.empty();
    }
}
