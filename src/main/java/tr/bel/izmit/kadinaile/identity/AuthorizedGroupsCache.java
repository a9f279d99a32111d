package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Before every authorization check the engine asks which groups hold any authorization at all
 * ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}), once per command: eight statements of every
 * microcredit application. This keeps that set for all commands of this node for a short time (10 s);
 * {@link TunedAuthorizationManager} forgets it whenever this node writes an authorization (and again after that
 * transaction commits).
 *
 * <p>Staleness can only withhold, never grant: the set merely narrows the user's groups before the real check
 * against the authorization rows, so a group missing from a stale set lacks its permissions until the set is
 * reloaded (at most 10 s, on another node of a cluster), and a group that lost its last authorization finds no row.
 */
final class AuthorizedGroupsCache {

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
}
