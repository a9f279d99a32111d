package tr.bel.izmit.kadinaile.microcredit;

import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.metrics.ProcessOutcomes;

/**
 * What "approved" and "rejected" mean for the dashboard's approval rate: an application is approved when its loan
 * is paid out (every approval, by the committee alone or with the manager's, leads to the disbursement) and
 * rejected at the rejection end event; the process then runs on for months of repayment, so its end events alone
 * would count approvals far too late. Every id here is also in the partial index {@code KA_IDX_HI_ACTINST_OUTCOMES}
 * (db/vendor/postgresql/V19_1, V19_3), which {@code DeclaredOutcomesTests} checks.
 */
@Component
class MicrocreditOutcomes implements ProcessOutcomes {

    @Override
    public String processKey() {
        return MicrocreditProcess.KEY;
    }

    @Override
    public Set<String> approvedActivities() {
        return Set.of(MicrocreditProcess.Elements.DISBURSE_LOAN);
    }

    @Override
    public Set<String> rejectedActivities() {
        return Set.of(MicrocreditProcess.Elements.END_REJECTED);
    }
}
