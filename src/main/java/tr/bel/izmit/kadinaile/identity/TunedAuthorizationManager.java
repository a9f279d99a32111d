package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

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

/**
 * The engine's authorization manager with these changes, measured in docs/benchmarks.md:
 * <ol>
 *   <li>the groups holding any authorization come from a {@link SharedSnapshot} instead of one query per command
 *       (eight statements of every microcredit application). Staleness can only withhold, never grant: the set
 *       merely narrows the user's groups before the real check against the authorization rows, so a group missing
 *       from a stale set lacks its permissions until the set is reloaded, and a group that lost its last
 *       authorization finds no row;</li>
 *   <li>a task query that asks only for the user's <em>own</em> tasks — those of one of her candidate groups, those she
 *       is a candidate user of, or those assigned to or owned by her — runs without the authorization join: being
 *       a task's candidate or assignee is what entitles her to it (the engine's own default grants exactly these
 *       people READ on the task, and {@link CandidateTaskCommandChecker} lets exactly them work on it). This is
 *       Tasklist's queue query, and the join was most of its cost. Every other task query is checked as before.</li>
 *   <li>permission checks on definitions are answered from {@link PermissionCheckCache} (shared between commands;
 *       every authorization this node writes invalidates it), and a check met by the task <em>or</em> its
 *       definition looks at the definition's part there first.</li>
 * </ol>
 * Every authorization it inserts or updates is first shown to the {@link AuthorizationWriteCheck} of the command, if
 * one is registered.
 */
class TunedAuthorizationManager extends AuthorizationManager {

    private final SharedSnapshot<Set<String>> groups;
    private final PermissionCheckCache permissions;

    TunedAuthorizationManager(SharedSnapshot<Set<String>> groups, PermissionCheckCache permissions) {
        this.groups = groups;
        this.permissions = permissions;
    }

    @Override
    protected Set<String> getAllGroups() {
        return groups.get(() -> Set.copyOf(super.getAllGroups()));
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

    @Override
    public void insert(DbEntity authorization) {
        AuthorizationWriteCheck.apply(authorization, false);
        super.insert(authorization);
        changed();
    }

    @Override
    public void update(AuthorizationEntity authorization) {
        AuthorizationWriteCheck.apply(authorization, true);
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
     * Opens a {@link TunedAuthorizationManager} for every command, all sharing the same snapshots and one
     * {@link PermissionCheckCache}.
     */
    static final class Factory implements SessionFactory {

        private final SharedSnapshot<Set<String>> groups;
        private final PermissionCheckCache permissions;

        Factory(Duration timeToLive, LongSupplier nanoTime, PermissionCheckCache permissions) {
            this.groups = new SharedSnapshot<>(timeToLive, nanoTime);
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
