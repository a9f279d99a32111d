package tr.bel.izmit.kadinaile.microcredit;

import java.util.Map;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.ModelBeanContribution;

/**
 * The beans the microcredit model reaches by name: its delegates, listeners and the services its
 * expressions call. Only these are reachable from its expressions (see {@code engine.ModelBeans}).
 */
@Component
class MicrocreditModelBeans implements ModelBeanContribution {

    @Override
    public Map<String, String> modelBeans() {
        return ModelBeanContribution.sameNames("microcreditIntake", "microcreditApplications", "microcreditCommitteeDecision",
            "microcreditFourEyes", "disburseLoan", "closeLoan", "microcreditLoans");
    }
}
