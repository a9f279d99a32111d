package tr.bel.izmit.kadinaile.producers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.portal.Decision;
import tr.bel.izmit.kadinaile.portal.Decision.Outcome;
import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;

/**
 * İzmit Çarşısı producer applications on the public portal: the start form, the status milestones and the decision
 * (approved and invited to a solidarity meeting, verified, or not accepted), no withdrawal;
 * the texts are {@code portal.producer-onboarding.*} in the message bundle.
 */
@Component
class ProducerPublicService extends PublicServiceSupport {

    private static final String TEXTS = "portal.producer-onboarding.decision.";

    private final ProducerRepository producers;

    ProducerPublicService(ProducerRepository producers) {
        super(ProducerOnboardingProcess.KEY, ProducerOnboardingProcess.Forms.START, ProducerOnboardingProcess.TRACKING_PREFIX, 30,
            List.of(Elements.START, Elements.REVIEW, Elements.FOOD_SAFETY, Elements.NOTIFY_INFO_REQUESTED, Elements.INFO_PROVIDED,
                Elements.END_WITHDRAWN, Elements.END_REJECTED, Elements.END_FOOD_SAFETY_FAILED, Elements.INVITE_TO_ORIENTATION,
                Elements.OPEN_SHOP, Elements.END_VERIFIED),
            null);
        this.producers = producers;
    }

    /** From the producer's record: never the coordinators' reasons or notes, which reach her by SMS. */
    @Override
    public Optional<Decision> decision(String trackingCode) {
        return producers.findByTrackingCode(trackingCode).map(this::decision);
    }

    private Decision decision(Producer producer) {
        return switch (producer.getStatus()) {
            case ORIENTATION -> {
                List<String> details = new ArrayList<>();
                if (producer.getOrientationMeetingOn() != null) {
                    details.add(Texts.get(TEXTS + "orientation.on", TurkishFormats.DATE.format(producer.getOrientationMeetingOn())));
                }
                details.add(Texts.get(TEXTS + "orientation.next"));
                yield new Decision(Outcome.APPROVED, Texts.get(TEXTS + "orientation"), details);
            }
            case VERIFIED -> new Decision(Outcome.APPROVED, Texts.get(TEXTS + "verified"),
                List.of(Texts.get(TEXTS + "verified.code", producer.getTrackingCode())));
            case SUSPENDED -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "suspended"), List.of());
            case REJECTED -> new Decision(Outcome.NOT_APPROVED, Texts.get(TEXTS + "rejected"), List.of(Texts.get(TEXTS + "rejected.again")));
            case WITHDRAWN -> new Decision(Outcome.WITHDRAWN, Texts.get(TEXTS + "withdrawn"), List.of(Texts.get(TEXTS + "rejected.again")));
            default -> null;
        };
    }
}
