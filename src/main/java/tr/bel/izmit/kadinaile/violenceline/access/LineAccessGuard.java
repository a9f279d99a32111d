package tr.bel.izmit.kadinaile.violenceline.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Refuses, inside the engine command, every change by an authenticated user that would open the violence line to
 * someone without a supervisor's approval: a membership in one of its groups, an authorization that opens it
 * ({@link LineAccessRules}), a new password for a current or former member of its groups (except her own), a new user
 * under a former member's id. The application itself (start-up set-up, demo users, an approved request being applied:
 * no authenticated user) is not affected. The refusal is an {@link AuthorizationException} with a Turkish message that
 * says where to ask: the engine REST API and the web apps answer it with 403.
 */
public class LineAccessGuard {

    static final String REQUESTS = "/api/staff/violence-line/access-requests";
    static final String MEMBERSHIP_REFUSED = Texts.get("violenceline.access.refused.membership", REQUESTS);
    static final String AUTHORIZATION_REFUSED = Texts.get("violenceline.access.refused.authorization", REQUESTS);
    static final String PASSWORD_REFUSED = Texts.get("violenceline.access.refused.password", REQUESTS);
    static final String FORMER_ID_REFUSED = Texts.get("violenceline.access.refused.former-id", REQUESTS);

    private static final Logger LOG = LoggerFactory.getLogger(LineAccessGuard.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LineAccessGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void checkMembership(String userId, String groupId) {
        String actor = authenticatedUser();
        if (actor != null && LineAccessRules.isLineGroup(groupId)) {
            throw refused(actor, "membership of " + userId + " in " + groupId, MEMBERSHIP_REFUSED);
        }
    }

    void checkAuthorization(AuthorizationEntity authorization, AuthorizationEntity previous) {
        String actor = authenticatedUser();
        if (actor != null && (LineAccessRules.opensTheLine(authorization) || LineAccessRules.opensTheLine(previous))) {
            throw refused(actor, "authorization on resource type " + authorization.getResourceType() + " id "
                + authorization.getResourceId(), AUTHORIZATION_REFUSED);
        }
    }

    /**
     * @param changesPassword whether the save sets a new password (or a new hash)
     * @param lineMember whether the user is now a member of one of the line's groups
     */
    void checkUserSave(UserEntity user, boolean changesPassword, boolean lineMember) {
        String actor = authenticatedUser();
        if (actor == null) {
            return;
        }
        if (user.getRevision() == 0) {
            if (isFormerMember(user.getId())) {
                throw refused(actor, "new user under former member id " + user.getId(), FORMER_ID_REFUSED);
            }
            return;
        }
        if (changesPassword && !actor.equals(user.getId()) && (lineMember || isFormerMember(user.getId()))) {
            throw refused(actor, "password of " + user.getId(), PASSWORD_REFUSED);
        }
    }

    /** Whether the save changes the stored password: a new one is set, or the hash itself was replaced. */
    static boolean changesPassword(UserEntity user) {
        if (user.hasNewPassword()) {
            return true;
        }
        if (user.getRevision() == 0) {
            return user.getPassword() != null;
        }
        // read past the command's entity cache: the stored row as it is
        UserEntity stored = (UserEntity) Context.getCommandContext().getDbSqlSession().selectOne("selectUser", user.getId());
        return stored == null || !Objects.equals(stored.getPassword(), user.getPassword())
            || !Objects.equals(stored.getSalt(), user.getSalt());
    }

    /** Remembers that the user left the line's groups (removed from one, deleted, or her group deleted). */
    void recordFormerMember(String userId) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update vl_former_line_member set left_at = ? where user_id = ?", now, userId) == 0) {
            jdbc.update("insert into vl_former_line_member (user_id, left_at) values (?, ?)", userId, now);
        }
    }

    boolean isFormerMember(String userId) {
        Integer count = jdbc.queryForObject("select count(*) from vl_former_line_member where user_id = ?", Integer.class, userId);
        return count != null && count > 0;
    }

    private static String authenticatedUser() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    }

    private static AuthorizationException refused(String actor, String change, String message) {
        LOG.warn("Refused a direct change that would open the violence line: by={} change={}", actor, change);
        return new AuthorizationException(message);
    }
}
