package tr.bel.izmit.kadinaile.microcredit;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.engine.StaffUsers;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * "Müdür onayı" under the four-eyes rule: the person who gave the committee decision can neither claim
 * nor complete the manager's approval of the same application.
 */
@Component("microcreditFourEyes")
class FourEyesListener implements TaskListener {

    private final StaffUsers staffUsers;

    FourEyesListener(StaffUsers staffUsers) {
        this.staffUsers = staffUsers;
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
        if (Objects.equals(user, task.getVariable(Vars.COMMITTEE_DECIDED_BY))) {
            throw ValidationFailedException.of(Vars.MANAGER_DECISION,
                "Dört göz ilkesi: kredi komitesi kararını veren kişi aynı başvurunun müdür onayını veremez.");
        }
    }
}
