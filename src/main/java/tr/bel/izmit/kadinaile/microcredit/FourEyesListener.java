package tr.bel.izmit.kadinaile.microcredit;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.engine.StaffUsers;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * "Müdür onayı" under the four-eyes rule: the person who gave the committee decision can neither claim
 * nor complete the manager's approval of the same application. Who gave it comes from our record, written by
 * {@link CommitteeDecisionListener} with the engine's acting user, never from a process variable.
 */
@Component("microcreditFourEyes")
class FourEyesListener implements TaskListener {

    private final StaffUsers staffUsers;
    private final MicrocreditApplications applications;

    FourEyesListener(StaffUsers staffUsers, MicrocreditApplications applications) {
        this.staffUsers = staffUsers;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : staffUsers.actingUser(task);
        if (user == null) {
            if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new IllegalStateException("the manager's approval needs an identified user: claim the task first");
            }
            return;
        }
        String committeeDecidedBy = applications.ofProcessInstance(task.getProcessInstanceId()).getCommitteeDecidedBy();
        if (committeeDecidedBy == null) {
            throw new IllegalStateException("no committee decision recorded for process instance " + task.getProcessInstanceId());
        }
        if (Objects.equals(user, committeeDecidedBy)) {
            throw ValidationFailedException.of(Vars.MANAGER_DECISION,
                Texts.get("microcredit.validation.four-eyes"));
        }
    }
}
