package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read from the authorization rows, shared by all commands of this node for a short time (10 s) instead of
 * being read again by every command. {@link TunedAuthorizationManager} forgets it whenever this node writes an
 * authorization (and again after that transaction commits); on another node of a cluster a change is seen within the
 * time to live. Each use says why a value that old is safe.
 */
final class SharedSnapshot<T> {

    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private volatile Snapshot<T> snapshot;

    private record Snapshot<T>(T value, long loadedAt) {
    }

    SharedSnapshot(Duration timeToLive, LongSupplier nanoTime) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    T get(Supplier<T> load) {
        Snapshot<T> current = snapshot;
        long now = nanoTime.getAsLong();
        if (current == null || now - current.loadedAt() >= timeToLiveNanos) {
            current = new Snapshot<>(load.get(), now);
            snapshot = current;
        }
        return current.value();
    }

    void invalidate() {
        snapshot = null;
    }
}
