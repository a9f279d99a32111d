package tr.bel.izmit.kadinaile.portal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * What the capabilities' {@link PublicService}s share: the portal's texts of a service come from the message bundle
 * under {@code portal.<process key>.} ({@code title}, {@code summary}, {@code have-at-hand.1} …, {@code next-steps},
 * {@code milestone.<BPMN element id>}, optionally {@code milestone.<id>.done} in the past tense, {@code .now} while the
 * application waits there and {@code .ahead} for the usual path's steps not yet reached; {@code contact.phone},
 * {@code contact.address}, {@code contact.hours}; {@code browse.href} and {@code browse.text}), and withdrawal, where
 * a service offers it, is allowed only while every active element of the application is one of a given set. A
 * capability names its process, form, tracking prefix, its status milestones in order and, if it has one, its
 * withdrawal.
 */
public abstract class PublicServiceSupport implements PublicService {

    private final PortalProcess descriptor;
    private final int order;
    private final Withdrawal withdrawal;
    private final Map<String, String> phases = new LinkedHashMap<>();
    private final ServiceContact contact;
    private final ServiceContact.Link browse;

    /**
     * @param milestones the BPMN element ids shown on the status page, in order; each has its label in the bundle
     * @param withdrawal how the applicant withdraws, or null when the service offers no withdrawal
     */
    protected PublicServiceSupport(String processKey, String formId, String trackingPrefix, int order, List<String> milestones,
            Withdrawal withdrawal) {
        String texts = "portal." + processKey + ".";
        Map<String, String> labels = new LinkedHashMap<>();
        milestones.forEach(element -> {
            labels.put(element, Texts.get(texts + "milestone." + element));
            for (Phase phase : Phase.values()) {
                Texts.find(texts + "milestone." + element + "." + phase.name().toLowerCase(Locale.ROOT))
                    .ifPresent(label -> phases.put(element + "." + phase, label));
            }
        });
        this.contact = Texts.find(texts + "contact.phone")
            .map(phone -> new ServiceContact(phone, Texts.get(texts + "contact.address"), Texts.get(texts + "contact.hours")))
            .orElse(null);
        this.browse = Texts.find(texts + "browse.href").map(href -> new ServiceContact.Link(href, Texts.get(texts + "browse.text")))
            .orElse(null);
        this.descriptor = new PortalProcess(processKey, formId, trackingPrefix, Texts.get(texts + "title"),
            Texts.get(texts + "summary"), numbered(texts + "have-at-hand."), Collections.unmodifiableMap(labels),
            Texts.get(texts + "next-steps"));
        this.order = order;
        this.withdrawal = withdrawal;
    }

    /**
     * How an applicant withdraws: the elements at which the process still accepts it and the capability's action.
     *
     * @param action withdraws the application with this tracking code; false when the process no longer accepts it
     */
    public record Withdrawal(Set<String> allowedAt, Predicate<String> action) {
    }

    @Override
    public final PortalProcess descriptor() {
        return descriptor;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final boolean withdrawableAt(Set<String> activeActivityIds) {
        return withdrawal != null && !activeActivityIds.isEmpty() && withdrawal.allowedAt().containsAll(activeActivityIds);
    }

    @Override
    public final boolean withdraw(String trackingCode) {
        return withdrawal != null && withdrawal.action().test(trackingCode);
    }

    @Override
    public final Optional<String> milestone(String elementId, Phase phase) {
        Optional<String> worded = Optional.ofNullable(phases.get(elementId + "." + phase));
        return phase == Phase.AHEAD ? worded : worded.or(() -> Optional.ofNullable(descriptor.milestones().get(elementId)));
    }

    @Override
    public final Optional<ServiceContact> contact() {
        return Optional.ofNullable(contact);
    }

    @Override
    public final Optional<ServiceContact.Link> browse() {
        return Optional.ofNullable(browse);
    }

    /** The entries {@code prefix1}, {@code prefix2} … up to the first missing one. */
    private static List<String> numbered(String prefix) {
        List<String> items = new ArrayList<>();
        for (Optional<String> item = Texts.find(prefix + 1); item.isPresent(); item = Texts.find(prefix + (items.size() + 1))) {
            items.add(item.get());
        }
        return List.copyOf(items);
    }
}
