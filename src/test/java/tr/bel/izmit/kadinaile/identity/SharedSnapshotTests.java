package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SharedSnapshotTests {

    private final AtomicLong nanos = new AtomicLong();
    private final SharedSnapshot<Set<String>> cache = new SharedSnapshot<>(Duration.ofSeconds(10), nanos::get);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void shouldLoadOncePerTimeToLive() {
        assertThat(load("a")).containsExactly("a");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertThat(load("b")).containsExactly("a");
        assertThat(loads).hasValue(1);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));

        assertThat(load("b")).containsExactly("b");
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldReloadAfterAnInvalidation() {
        load("a");

        cache.invalidate();

        assertThat(load("a", "b")).containsExactlyInAnyOrder("a", "b");
        assertThat(loads).hasValue(2);
    }

    private Set<String> load(String... groups) {
        return cache.get(() -> {
            loads.incrementAndGet();
            return Set.of(groups);
        });
    }
}
