package tr.bel.izmit.kadinaile.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * The engine's authorization checks, and for work on a process task also the candidate rule: the user must be the
 * task's assignee or owner, one of its candidate users or a member of one of its candidate groups. Applies whenever
 * the engine itself checks authorizations (an authenticated user, checks not switched off for an internal command);
 * administrators (the engine's admin groups and users) are exempt as they are from the engine's own checks on
 * resources they hold grants on. Reading tasks is governed by the grants alone.
 */
class CandidateTaskCommandChecker extends AuthorizationCommandChecker {

    @Override
    public void checkTaskWork(TaskEntity task) {
        super.checkTaskWork(task);
        requireInvolvement(task);
    }

    @Override
    public void checkTaskAssign(TaskEntity task) {
        super.checkTaskAssign(task);
        requireInvolvement(task);
    }

    @Override
    public void checkUpdateTaskVariable(TaskEntity task) {
        super.checkUpdateTaskVariable(task);
        requireInvolvement(task);
    }

    @Override
    public void checkDeleteTask(TaskEntity task) {
        super.checkDeleteTask(task);
        requireInvolvement(task);
    }

    private static void requireInvolvement(TaskEntity task) {
        if (!ProcessLevelAuthorizationProvider.isProcessTask(task)) {
            return;
        }
        CommandContext commandContext = Context.getCommandContext();
        Authentication authentication = commandContext.getAuthentication();
        if (!commandContext.getProcessEngineConfiguration().isAuthorizationEnabled()
                || !commandContext.isAuthorizationCheckEnabled()
                || authentication == null || authentication.getUserId() == null
                || commandContext.getAuthorizationManager().isCamundaAdmin(authentication)) {
            return;
        }
        if (!isInvolved(task, authentication)) {
            throw new AuthorizationException(authentication.getUserId(), TaskPermissions.TASK_WORK.getName(),
                Resources.TASK.resourceName(), task.getId());
        }
    }

    static boolean isInvolved(TaskEntity task, Authentication authentication) {
        String userId = authentication.getUserId();
        if (userId.equals(task.getAssignee()) || userId.equals(task.getOwner())) {
            return true;
        }
        List<String> groupIds = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        for (IdentityLink candidate : task.getCandidates()) {
            if (userId.equals(candidate.getUserId())
                    || candidate.getGroupId() != null && groupIds.contains(candidate.getGroupId())) {
                return true;
            }
        }
        return false;
    }
}
