package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.engine.StaffUsers;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Decisions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Typed;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * Completion of "Kredi komitesi kararı": an approved amount may be lowered, never raised above the request
 * (checked against our record, not against a variable anyone could overwrite); records who decided in our record,
 * for the four-eyes rule of the manager's approval (the variable {@code committeeDecidedBy} only shows it on the
 * manager's form).
 */
@Component("microcreditCommitteeDecision")
class CommitteeDecisionListener implements TaskListener {

    private final MicrocreditApplications applications;
    private final StaffUsers staffUsers;

    CommitteeDecisionListener(MicrocreditApplications applications, StaffUsers staffUsers) {
        this.applications = applications;
        this.staffUsers = staffUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        String decidedBy = staffUsers.actingUser(task);
        if (decidedBy == null) {
            throw new IllegalStateException("a committee decision needs an identified user: claim the task first");
        }
        Long applicationId = applications.ofProcessInstance(task.getProcessInstanceId()).getId();
        if (Decisions.APPROVE.equals(Typed.COMMITTEE_DECISION.from(task).getOrNull())) {
            BigDecimal requested = applications.get(applicationId).getRequestedAmount();
            BigDecimal approved = MicrocreditApplications.amount(task.getVariable(Vars.APPROVED_AMOUNT));
            if (approved.compareTo(requested) > 0) {
                throw ValidationFailedException.of(Vars.APPROVED_AMOUNT, Texts.get("microcredit.validation.approved-amount.above-requested",
                    TurkishFormats.money(requested)));
            }
            applications.recordApprovedAmount(applicationId, approved);
            Typed.APPROVED_AMOUNT.on(task).set(approved.longValueExact());
        }
        applications.recordCommitteeDecisionBy(applicationId, decidedBy);
        Typed.COMMITTEE_DECIDED_BY.on(task).set(decidedBy);
    }
}
