package tr.bel.izmit.kadinaile.identity;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, except that a task of a process gets no authorization row of its own
 * when it is assigned or gains a candidate: access to process tasks comes from grants on the process definition
 * and the candidate rule of {@link CandidateTaskCommandChecker}. Stand-alone tasks (no process) keep the
 * default rows, they have nothing else.
 */
class ProcessLevelAuthorizationProvider extends DefaultAuthorizationProvider {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        return isProcessTask(task) ? NONE : super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        return isProcessTask(task) ? NONE : super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        return isProcessTask(task) ? NONE : super.newTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return isProcessTask(task) ? NONE : super.newTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        return isProcessTask(task) ? NONE : super.deleteTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        return isProcessTask(task) ? NONE : super.deleteTaskGroupIdentityLink(task, groupId, type);
    }

    static boolean isProcessTask(Task task) {
        return task.getProcessDefinitionId() != null;
    }
}
