package tr.bel.izmit.kadinaile.producers.stands;

import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.metrics.ProcessOutcomes;

/**
 * What "approved" and "rejected" mean for the dashboard's approval rate: a stand request is approved when staff
 * confirm it; no free place is capacity, not a decision. Every id here is also in the partial index
 * {@code KA_IDX_HI_ACTINST_OUTCOMES} (db/vendor/postgresql/V19_1, V19_3), which {@code DeclaredOutcomesTests} checks.
 */
@Component
class StandOutcomes implements ProcessOutcomes {

    @Override
    public String processKey() {
        return MarketStandProcess.KEY;
    }

    @Override
    public Set<String> approvedActivities() {
        return Set.of(MarketStandProcess.Elements.NOTIFY_CONFIRMED);
    }

    @Override
    public Set<String> rejectedActivities() {
        return Set.of(MarketStandProcess.Elements.END_DECLINED);
    }
}
