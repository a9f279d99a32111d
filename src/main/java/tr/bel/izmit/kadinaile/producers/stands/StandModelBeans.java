package tr.bel.izmit.kadinaile.producers.stands;

import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/**
 * The beans the market-stand request model reaches by name: its delegates, listeners and the services its
 * expressions call. Only these are reachable from its expressions (see {@code engine.ModelBeans}).
 */
@Component
class StandModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        return ModelBeanContribution.sameNames("standRequestIntake", "standRequests", "allocateStandPlace");
    }
}
