package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Before every authorization check the engine asks which groups hold any authorization at all
 * ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}), once per command: eight statements of every
 * microcredit application. This keeps that set for all commands of this node for a short time (10 s) and forgets
 * it whenever this node writes an authorization (and again after that transaction commits).
 *
 * <p>Staleness can only withhold, never grant: the set merely narrows the user's groups before the real check
 * against the authorization rows, so a group missing from a stale set lacks its permissions until the set is
 * reloaded (at most 10 s, on another node of a cluster), and a group that lost its last authorization finds no row.
 */
final class AuthorizedGroupsCache implements SessionFactory {

    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private volatile Snapshot snapshot;

    private record Snapshot(Set<String> groupIds, long loadedAt) {
    }

    AuthorizedGroupsCache(Duration timeToLive, LongSupplier nanoTime) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    Set<String> groupIds(Supplier<Set<String>> load) {
        Snapshot current = snapshot;
        long now = nanoTime.getAsLong();
        if (current == null || now - current.loadedAt() >= timeToLiveNanos) {
            current = new Snapshot(Set.copyOf(load.get()), now);
            snapshot = current;
        }
        return current.groupIds();
    }

    void invalidate() {
        snapshot = null;
    }

    @Override
    public Class<?> getSessionType() {
        return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
        return new Manager(this);
    }

    /** The engine's authorization manager, with the authorized groups from the shared cache. */
    static final class Manager extends AuthorizationManager {

        private final AuthorizedGroupsCache cache;

        Manager(AuthorizedGroupsCache cache) {
            this.cache = cache;
        }

        @Override
        protected Set<String> getAllGroups() {
            return cache.groupIds(super::getAllGroups);
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
            cache.invalidate();
            CommandContext commandContext = Context.getCommandContext();
            if (commandContext != null) {
                commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> cache.invalidate());
            }
        }
    }
}
