package tr.bel.izmit.kadinaile.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Makes a change of a user's password, memberships or existence take effect at once on this node: her remembered
 * HTTP Basic logins and groups are dropped ({@link EngineRestAuthenticationCache}) and her web app sessions are
 * revalidated on their next request ({@link WebappSessionRevalidation}). Called from inside the engine command that
 * makes the change; the effect happens right away and again after the commit, so that a request running in between
 * cannot put the old state back into the cache. Other nodes of a cluster notice within their cache's time to live.
 */
@Component
public class IdentityChanges {

    private final EngineRestAuthenticationCache restLogins;
    /** Per user, how many changes this node has seen; a web app session remembers the last one it was checked at. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong everyone = new AtomicLong();

    IdentityChanges(EngineRestAuthenticationCache restLogins) {
        this.restLogins = restLogins;
    }

    /** The user's password, memberships or existence changed in the current engine command. */
    public void userChanged(String userId) {
        forget(userId);
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> forget(userId));
        }
    }

    /** Many users changed at once (a group was deleted). */
    public void everyoneChanged() {
        forgetEveryone();
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext != null) {
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> forgetEveryone());
        }
    }

    /** A number that grows whenever the user (or everyone) changed on this node. */
    long generation(String userId) {
        return generations.getOrDefault(userId, 0L) + everyone.get();
    }

    private void forget(String userId) {
        generations.merge(userId, 1L, Long::sum);
        restLogins.invalidateUser(userId);
    }

    private void forgetEveryone() {
        everyone.incrementAndGet();
        restLogins.invalidateAll();
    }
}
