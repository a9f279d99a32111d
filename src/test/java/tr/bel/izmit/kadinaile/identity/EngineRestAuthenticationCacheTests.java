package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class EngineRestAuthenticationCacheTests {

    private final AtomicLong nanos = new AtomicLong();
    private final EngineRestAuthenticationCache cache = new EngineRestAuthenticationCache(Duration.ofSeconds(60), nanos::get);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void shouldCheckASuccessfulLoginOnceWithinTheTimeToLiveAndAgainAfterIt() {
        assertThat(login("ayse", "dogru-parola", true)).isTrue();
        assertThat(login("ayse", "dogru-parola", true)).isTrue();
        assertThat(checks).hasValue(1);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(61));

        assertThat(login("ayse", "dogru-parola", false)).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldNeverRememberAFailedLogin() {
        assertThat(login("ayse", "yanlis", false)).isFalse();
        assertThat(login("ayse", "yanlis", false)).isFalse();

        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldNotLetAnotherPasswordOrAnotherUserRideOnARememberedLogin() {
        login("ayse", "dogru-parola", true);

        assertThat(login("ayse", "baska-parola", false)).isFalse();
        assertThat(login("elif", "dogru-parola", false)).isFalse();
        assertThat(login("ayse", "dogru-parola", true)).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void shouldRecogniseALoginRememberedOnAnotherThreadAndStillTellPasswordsApartThere() throws Exception {
        login("ayse", "dogru-parola", true);

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // each thread has its own Mac: all of them must key the same logins, and reuse must not mix inputs
            assertThat(other.submit(() -> login("ayse", "dogru-parola", false)).get()).isTrue();
            assertThat(other.submit(() -> login("ayse", "dogru-parolb", false)).get()).isFalse();
            assertThat(other.submit(() -> login("ayse", "dogru-parola", false)).get()).isTrue();
        } finally {
            other.shutdown();
        }
        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldKeepEnginesApart() {
        cache.isAuthenticated("default", "ayse", "dogru-parola", () -> true);

        assertThat(cache.isAuthenticated("other", "ayse", "dogru-parola", () -> false)).isFalse();
    }

    @Test
    void shouldForgetEverythingWhenInvalidated() {
        login("ayse", "dogru-parola", true);
        AtomicInteger loads = new AtomicInteger();
        cache.groupsOf("default", "ayse", () -> {
            loads.incrementAndGet();
            return List.of("izgim-officers");
        });

        cache.invalidateAll();

        assertThat(login("ayse", "dogru-parola", false)).isFalse();
        assertThat(cache.groupsOf("default", "ayse", () -> {
            loads.incrementAndGet();
            return List.of();
        })).isEmpty();
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldLoadGroupsAndTenantsOncePerTimeToLive() {
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.groupsOf("default", "ayse", () -> List.of("g" + loads.incrementAndGet()))).containsExactly("g1");
        }
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertThat(cache.groupsOf("default", "ayse", () -> List.of("g" + loads.incrementAndGet()))).containsExactly("g2");
        assertThat(cache.tenantsOf("default", "ayse", List::of)).isEmpty();
    }

    private boolean login(String user, String password, boolean engineAnswer) {
        return cache.isAuthenticated("default", user, password, () -> {
            checks.incrementAndGet();
            return engineAnswer;
        });
    }
}
