package tr.bel.izmit.kadinaile.producers;

import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.metrics.ProcessOutcomes;

/**
 * What "approved" and "rejected" mean for the dashboard's approval rate: a producer is approved once verified
 * (after review, food safety where needed, and orientation). Every id here is also in the partial index
 * {@code KA_IDX_HI_ACTINST_OUTCOMES} (db/vendor/postgresql/V19_1, V19_3), which {@code DeclaredOutcomesTests} checks.
 */
@Component
class ProducerOutcomes implements ProcessOutcomes {

    @Override
    public String processKey() {
        return ProducerOnboardingProcess.KEY;
    }

    @Override
    public Set<String> approvedActivities() {
        return Set.of(ProducerOnboardingProcess.Elements.END_VERIFIED);
    }

    @Override
    public Set<String> rejectedActivities() {
        return Set.of(ProducerOnboardingProcess.Elements.END_REJECTED, ProducerOnboardingProcess.Elements.END_FOOD_SAFETY_FAILED);
    }
}
