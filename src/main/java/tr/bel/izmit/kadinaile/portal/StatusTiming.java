package tr.bel.izmit.kadinaile.portal;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Status lookups answer no sooner than a fixed floor, whether the tracking code exists or not, so that the
 * response time does not tell which codes exist.
 */
@Component
public class StatusTiming {

    private final Duration floor;

    StatusTiming(@Value("${app.portal.status-response-floor:PT0.25S}") Duration floor) {
        this.floor = floor;
    }

    public <T> T atLeast(Supplier<T> lookup) {
        long start = System.nanoTime();
        T result = lookup.get();
        long remaining = floor.toNanos() - (System.nanoTime() - start);
        if (remaining > 0) {
            try {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }
}
