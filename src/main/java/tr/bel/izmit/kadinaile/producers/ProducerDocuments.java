package tr.bel.izmit.kadinaile.producers;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.documents.RequiredDocumentsSupport;

/** The documents of an İzmit Çarşısı producer application (texts {@code documents.producer-onboarding.*}). */
@Component
class ProducerDocuments extends RequiredDocumentsSupport {

    ProducerDocuments() {
        super(ProducerOnboardingProcess.KEY, ProducerOnboardingProcess.TRACKING_PREFIX,
            List.of("identity", "foodRegistration", "productPhotos"), null);
    }
}
