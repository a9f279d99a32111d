package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CompactIdGeneratorTests {

    private final CompactIdGenerator generator = new CompactIdGenerator();

    @Test
    void shouldGiveIdsThatGrowWithTimeAndWithinAMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(generator.getNextId());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-v]{26}"));
    }

    @Test
    void shouldCarryTheMillisecondOfItsCreationInItsFirstTenDigits() {
        Instant before = Instant.now();
        String id = generator.getNextId();
        Instant after = Instant.now();

        // the UUID's first 48 bits are its milliseconds since 1970: the first digit holds three of them, the next nine 45
        long millis = Long.parseLong(id.substring(0, 10), 32);
        assertThat(Instant.ofEpochMilli(millis)).isBetween(before.minusMillis(1), after.plus(Duration.ofMillis(1)));
    }

    @Test
    void shouldGiveNoIdTwiceToThreadsAskingAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        ids.add(generator.getNextId());
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(ids).hasSize(100_000);
    }
}
