package tr.bel.izmit.kadinaile.identity;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * A check of every authorization the engine is about to insert or update, opened per command as an engine session.
 * A capability registers one through a custom session factory of this type (the violence line: changes that open
 * it need a supervisor's approval); {@link TunedAuthorizationManager} asks it before writing. Without a factory,
 * nothing is checked.
 */
public interface AuthorizationWriteCheck extends Session {

    /**
     * Throws when the authorization may not be written in this command.
     *
     * @param authorization the new state
     * @param previous the stored state of an update, null for an insert
     */
    void beforeWrite(AuthorizationEntity authorization, AuthorizationEntity previous);

    static void apply(DbEntity entity, boolean update) {
        CommandContext commandContext = Context.getCommandContext();
        if (!(entity instanceof AuthorizationEntity authorization) || commandContext == null
                || !Context.getProcessEngineConfiguration().getSessionFactories().containsKey(AuthorizationWriteCheck.class)) {
            return;
        }
        // an update: SaveAuthorizationCmd has loaded the stored state into this command's cache already
        AuthorizationEntity previous = update && authorization.getId() != null
            ? commandContext.getDbEntityManager().selectById(AuthorizationEntity.class, authorization.getId())
            : null;
        commandContext.getSession(AuthorizationWriteCheck.class).beforeWrite(authorization, previous);
    }

    @Override
    default void flush() {
    }

    @Override
    default void close() {
    }
}
