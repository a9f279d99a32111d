package tr.bel.izmit.kadinaile.violenceline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/**
 * The beans the violence line's model reaches by name. The case store only through its model-facing facade:
 * {@code violenceCases} in the model is {@link ViolenceCaseModelActions}, without the store's {@code read}, which
 * returns the decrypted personal data.
 */
@Component
class ViolenceLineModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        Map<String, String> beans = new LinkedHashMap<>();
        beans.put("violenceIntake", "violenceIntake");
        beans.put("violenceCases", "violenceCaseModelActions");
        ModelBeanContribution.sameNames("violenceSla", "violenceNotes", "violenceRiskInputs", "violenceReferralPlanner",
            "violenceReferralAnswer", "violenceFollowUps", "violenceFollowUpOutcome", "violenceUnreachableDecision")
            .forEach(beans::put);
        return beans;
    }
}
