package tr.bel.izmit.kadinaile.identity;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's authorization manager with these changes, measured in docs/benchmarks.md:
 * <ol>
 *   <li>the groups holding any authorization come from {@link AuthorizedGroupsCache} (shared between commands)
 *       instead of one query per command; every authorization this node writes invalidates it;</li>
 *   <li>a task query that asks only for the user's <em>own</em> tasks — those of one of her candidate groups, those she
 *       is a candidate user of, or those assigned to or owned by her — runs without the authorization join: being
 *       a task's candidate or assignee is what entitles her to it (the engine's own default grants exactly these
 *       people READ on the task, and {@link CandidateTaskCommandChecker} lets exactly them work on it). This is
 *       Tasklist's queue query, and the join was most of its cost. Every other task query is checked as before.</li>
 *   <li>deleting a process task does not delete its (non-existent) authorization rows;</li>
 *   <li>permission checks on definitions are answered from {@link PermissionCheckCache} (shared between commands;
 *       every authorization this node writes invalidates it), and a check met by the task <em>or</em> its
 *       definition looks at the definition's part there first.</li>
 * </ol>
 */
class TunedAuthorizationManager extends AuthorizationManager {

    private final AuthorizedGroupsCache groups;
    private final PermissionCheckCache permissions;

    TunedAuthorizationManager(AuthorizedGroupsCache groups, PermissionCheckCache permissions) {
        this.groups = groups;
        this.permissions = permissions;
    }

    @Override
    protected Set<String> getAllGroups() {
        return groups.groupIds(super::getAllGroups);
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, PermissionCheck check) {
        if (!isAuthorizationEnabled()) {
            return true;
        }
        return isAuthorized(userId, groupIds, createCompositePermissionCheck(check));
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
        for (PermissionCheck atom : check.getAllPermissionChecks()) {
            if (!isResourceValidForPermission(atom)) {
                throw LOG.invalidResourceForPermission(atom.getResource().resourceName(), atom.getPermission().getName());
            }
        }
        if (isRevokeAuthCheckEnabled(userId, groupIds)) {
            return super.isAuthorized(userId, groupIds, check);
        }
        return permissions.isAuthorized(userId, groupIds, check, part -> super.isAuthorized(userId, groupIds, part));
    }

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
        super.configureTaskQuery(query);
        if (query.getAuthCheck().isAuthorizationCheckEnabled() && asksOnlyForOwnTasks(query, getCurrentAuthentication())) {
            query.getAuthCheck().setAuthorizationCheckEnabled(false);
            query.getAuthCheck().getPermissionChecks().clear();
        }
    }

    /**
     * Whether every task the query can return has the authenticated user as its assignee, owner or candidate. The
     * query's own criteria are ANDed with its OR branches, so they alone decide.
     */
    static boolean asksOnlyForOwnTasks(TaskQueryImpl query, Authentication authentication) {
        if (authentication == null || authentication.getUserId() == null) {
            return false;
        }
        String userId = authentication.getUserId();
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (userId.equals(query.getAssignee()) || userId.equals(query.getOwner()) || userId.equals(query.getCandidateUser())) {
            return true;
        }
        if (query.getCandidateGroup() != null) {
            return userGroups.contains(query.getCandidateGroup());
        }
        List<String> candidateGroups = query.getCandidateGroupsInternal();
        return candidateGroups != null && !candidateGroups.isEmpty() && userGroups.containsAll(candidateGroups);
    }

    /**
     * A process task has no authorization rows of its own ({@link ProcessLevelAuthorizationProvider}), so deleting
     * the task skips the delete statement for them (three statements per microcredit application); stand-alone tasks
     * and everything else are deleted as before.
     */
    @Override
    public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
        if (resource.resourceType() == Resources.TASK.resourceType() && isProcessTaskOfThisCommand(resourceId)) {
            return;
        }
        super.deleteAuthorizationsByResourceId(resource, resourceId);
    }

    private static boolean isProcessTaskOfThisCommand(String taskId) {
        CommandContext commandContext = Context.getCommandContext();
        TaskEntity task = commandContext == null ? null
            : commandContext.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
        return task != null && ProcessLevelAuthorizationProvider.isProcessTask(task);
    }

    @Override
    public void insert(DbEntity authorization) {
        super.insert(authorization);
        changed();
    }

    @Override
    public void update(AuthorizationEntity authorization) {
        super.update(authorization);
        changed();
    }

    @Override
    public void delete(DbEntity authorization) {
        super.delete(authorization);
        changed();
    }

    private void changed() {
        forget();
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> forget());
        }
    }

    private void forget() {
        groups.invalidate();
        permissions.invalidate();
    }

    /**
     * Opens a {@link TunedAuthorizationManager} for every command, all sharing one {@link AuthorizedGroupsCache} and
     * one {@link PermissionCheckCache}.
     */
    static final class Factory implements SessionFactory {

        private final AuthorizedGroupsCache groups;
        private final PermissionCheckCache permissions;

        Factory(AuthorizedGroupsCache groups, PermissionCheckCache permissions) {
            this.groups = groups;
            this.permissions = permissions;
        }

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new TunedAuthorizationManager(groups, permissions);
        }
    }
}
