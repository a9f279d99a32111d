package tr.bel.izmit.kadinaile.common.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One budget of the same kind for many clients (Bucket4j token buckets): a burst of {@code capacity}, refilled
 * evenly over {@code period}. A bucket nobody touched for a whole period is full again and is forgotten; at most
 * {@code maxKeys} are kept (the least recently used go first).
 */
public final class ClientBuckets {

    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public ClientBuckets(int capacity, Duration period, long maxKeys) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a budget needs a capacity of at least 1 and a positive period");
        }
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(maxKeys).build();
    }

    /** Takes one token; when there is none, the time until there is one again. */
    public Optional<Duration> tryTake(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives a token taken before back (the attempt turned out not to count). */
    public void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Starts the key afresh with a full budget. */
    public void reset(String key) {
        buckets.invalidate(key);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build());
    }

    /**
     * The key of a client address for a budget: the address itself for IPv4, its /64 network for IPv6 (one
     * subscriber usually holds a whole /64 and could otherwise take a fresh address for every request).
     */
    public static String clientKey(String address) {
        Optional<InetAddress> parsed = TrustedProxies.parseAddress(address);
        if (parsed.isEmpty() || !(parsed.get() instanceof Inet6Address v6)) {
            return parsed.map(InetAddress::getHostAddress).orElse(String.valueOf(address));
        }
        byte[] network = Arrays.copyOf(v6.getAddress(), 16);
        Arrays.fill(network, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whole seconds to wait, at least one (for Retry-After). */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
