package tr.bel.izmit.kadinaile.violenceline.access;

import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

import tr.bel.izmit.kadinaile.identity.IdentityChanges;

/**
 * The engine's database identity provider, with two additions:
 * <ul>
 *   <li>the {@link LineAccessGuard}: memberships in the violence line's groups, and passwords of its staff, are not
 *       changed directly by an authenticated user (they go through a supervisor's approval);</li>
 *   <li>a changed password, an added or removed membership, a deleted user or group takes effect at once on this node
 *       ({@link IdentityChanges}: the HTTP Basic login cache and web app sessions).</li>
 * </ul>
 * Leaving a line group (membership removed, user or group deleted) is remembered, see
 * {@link LineAccessGuard#recordFormerMember}.
 */
class LineIdentityProvider extends DbIdentityServiceProvider {

    private final LineAccessGuard guard;
    private final IdentityChanges changes;

    LineIdentityProvider(LineAccessGuard guard, IdentityChanges changes) {
        this.guard = guard;
        this.changes = changes;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        UserEntity entity = (UserEntity) user;
        boolean changesPassword = LineAccessGuard.changesPassword(entity);
        guard.checkUserSave(entity, changesPassword, entity.getRevision() != 0 && isLineMember(entity.getId()));
        IdentityOperationResult result = super.saveUser(user);
        if (changesPassword) {
            changes.userChanged(entity.getId());
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        boolean lineMember = isLineMember(userId);
        IdentityOperationResult result = super.deleteUser(userId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            if (lineMember) {
                guard.recordFormerMember(userId);
            }
            changes.userChanged(userId);
        }
        return result;
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        guard.checkMembership(userId, groupId);
        IdentityOperationResult result = super.createMembership(userId, groupId);
        changes.userChanged(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            if (LineAccessRules.isLineGroup(groupId)) {
                guard.recordFormerMember(userId);
            }
            changes.userChanged(userId);
        }
        return result;
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        List<String> members = LineAccessRules.isLineGroup(groupId) ? membersOf(groupId) : List.of();
        IdentityOperationResult result = super.deleteGroup(groupId);
        if (IdentityOperationResult.OPERATION_DELETE.equals(result.getOperation())) {
            members.forEach(guard::recordFormerMember);
            changes.everyoneChanged();
        }
        return result;
    }

    private boolean isLineMember(String userId) {
        return LineAccessRules.GROUPS.stream().anyMatch(groupId -> existsMembership(userId, groupId));
    }

    private List<String> membersOf(String groupId) {
        return Context.getCommandContext().runWithoutAuthorization(() -> {
            DbUserQueryImpl query = new DbUserQueryImpl();
            query.memberOfGroup(groupId);
            return findUserByQueryCriteria(query).stream().map(User::getId).toList();
        });
    }

    /** Opens a {@link LineIdentityProvider} for every command. */
    static final class Factory implements SessionFactory {

        private final LineAccessGuard guard;
        private final IdentityChanges changes;

        Factory(LineAccessGuard guard, IdentityChanges changes) {
            this.guard = guard;
            this.changes = changes;
        }

        @Override
        public Class<?> getSessionType() {
            return LineIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new LineIdentityProvider(guard, changes);
        }
    }
}
