package tr.bel.izmit.kadinaile.producers;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.portal.PublicServiceSupport;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;

/**
 * İzmit Çarşısı producer applications on the public portal: the start form and the status milestones, no withdrawal;
 * the texts are {@code portal.producer-onboarding.*} in the message bundle.
 */
@Component
class ProducerPublicService extends PublicServiceSupport {

    ProducerPublicService() {
        super(ProducerOnboardingProcess.KEY, ProducerOnboardingProcess.Forms.START, ProducerOnboardingProcess.TRACKING_PREFIX, 30,
            List.of(Elements.START, Elements.REVIEW, Elements.FOOD_SAFETY, Elements.NOTIFY_INFO_REQUESTED, Elements.INFO_PROVIDED,
                Elements.END_WITHDRAWN, Elements.END_REJECTED, Elements.END_FOOD_SAFETY_FAILED, Elements.INVITE_TO_ORIENTATION,
                Elements.OPEN_SHOP, Elements.END_VERIFIED),
            null);
    }
}
