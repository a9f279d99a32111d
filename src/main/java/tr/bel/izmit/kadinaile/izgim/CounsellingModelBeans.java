package tr.bel.izmit.kadinaile.izgim;

import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/**
 * The beans the counselling model reaches by name: its listeners and delegates only (the case store is not reachable
 * from an expression: nothing in the model reads the client's record).
 */
@Component
class CounsellingModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        return ModelBeanContribution.sameNames("counsellingIntake", "counsellingIntakeDecision", "counsellingSeriesBooking",
            "counsellingSeriesCancel", "counsellingClosure", "counsellingWarmReferral");
    }
}
