package tr.bel.izmit.kadinaile.violenceline;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.engine.StaffUsers;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Typed;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * Completion of every violence-line task: a staff note or a safety plan written in the form goes encrypted
 * into the case's notes, with its author, and leaves the process in the same transaction, so it never
 * reaches the engine's tables or history.
 */
@Component("violenceNotes")
class StaffNotesListener implements TaskListener {

    private final ViolenceCaseStore cases;
    private final StaffUsers staffUsers;

    StaffNotesListener(ViolenceCaseStore cases, StaffUsers staffUsers) {
        this.cases = cases;
        this.staffUsers = staffUsers;
    }

    @Override
    public void notify(DelegateTask task) {
        Long caseId = Typed.CASE_ID.from(task).get();
        String author = author(task);
        move(task, Vars.STAFF_NOTE, "STAFF_NOTE", caseId, author);
        move(task, Vars.SAFETY_PLAN_TEXT, "SAFETY_PLAN", caseId, author);
    }

    private void move(DelegateTask task, String variable, String kind, Long caseId, String author) {
        Object text = task.getVariable(variable);
        if (text != null && !text.toString().isBlank()) {
            cases.addNote(caseId, kind, author, text.toString());
        }
        task.removeVariable(variable);
        task.getExecution().removeVariable(variable);
    }

    private String author(DelegateTask task) {
        String user = staffUsers.actingUser(task);
        return user != null ? user : "system";
    }
}
