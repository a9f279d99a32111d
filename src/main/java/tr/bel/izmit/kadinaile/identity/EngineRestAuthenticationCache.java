package tr.bel.izmit.kadinaile.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Remembers for a short time (60 s by default, as the web apps' own authentication cache) the HTTP Basic logins to
 * the engine REST API that succeeded, with the user's groups and tenants. Without it every request re-checks the
 * password hash and loads groups and tenants: about five transactions per request, which cost a third of the
 * throughput at eight clients (docs/benchmarks.md).
 *
 * <p>Only successful logins are kept; a wrong password always reaches the engine (and its login throttling). The
 * password itself is never stored: the key holds an HMAC of it under a random key that lives only in this
 * process. A password change, a removed user or a changed membership made on this node evicts the user at once
 * ({@link #invalidateUser}, called by {@link IdentityChanges} after the change commits); one made on another node of a
 * cluster takes effect here within the time to live.
 */
public class EngineRestAuthenticationCache {

    private static final String HMAC = "HmacSHA256";

    private record Login(String engine, String userId, String passwordMac) {
    }

    private record Member(String engine, String userId) {
    }

    private final Cache<Login, Boolean> logins;
    private final Cache<Member, List<String>> groups;
    private final Cache<Member, List<String>> tenants;
    /** One initialised Mac per thread: {@code Mac.getInstance} searches the security providers on every call. */
    private final ThreadLocal<Mac> macs;

    public EngineRestAuthenticationCache(Duration timeToLive, Ticker ticker) {
        this.logins = newCache(timeToLive, ticker);
        this.groups = newCache(timeToLive, ticker);
        this.tenants = newCache(timeToLive, ticker);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec macKey = new SecretKeySpec(key, HMAC);
        this.macs = ThreadLocal.withInitial(() -> newMac(macKey));
    }

    private static <K, V> Cache<K, V> newCache(Duration timeToLive, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).ticker(ticker).build();
    }

    /** Whether the password is right: from the cache if this login succeeded within the time to live, else from {@code check}. */
    boolean isAuthenticated(String engine, String userId, String password, BooleanSupplier check) {
        Login login = new Login(engine, userId, mac(userId, password));
        if (logins.getIfPresent(login) != null) {
            return true;
        }
        boolean authenticated = check.getAsBoolean();
        if (authenticated) {
            logins.put(login, Boolean.TRUE);
        }
        return authenticated;
    }

    List<String> groupsOf(String engine, String userId, Supplier<List<String>> load) {
        return groups.get(new Member(engine, userId), member -> List.copyOf(load.get()));
    }

    List<String> tenantsOf(String engine, String userId, Supplier<List<String>> load) {
        return tenants.get(new Member(engine, userId), member -> List.copyOf(load.get()));
    }

    /** Forgets the user's logins, groups and tenants: her next request is checked by the engine again. */
    public void invalidateUser(String userId) {
        logins.asMap().keySet().removeIf(login -> login.userId().equals(userId));
        groups.asMap().keySet().removeIf(member -> member.userId().equals(userId));
        tenants.asMap().keySet().removeIf(member -> member.userId().equals(userId));
    }

    /** Forgets every login at once (e.g. after an administrator changed users in bulk). */
    public void invalidateAll() {
        logins.invalidateAll();
        groups.invalidateAll();
        tenants.invalidateAll();
    }

    private String mac(String userId, String password) {
        // doFinal leaves the Mac initialised with the same key, ready for the next login on this thread
        Mac mac = macs.get();
        mac.update(userId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
