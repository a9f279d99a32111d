package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.web.ClientBuckets;

/**
 * Slows down password guessing by where it comes from, never by whom it targets: every staff login that checks a
 * password (the web apps' login form, HTTP Basic on {@code /engine-rest} and {@code /api/staff}) takes a token from
 * two budgets, one of the client address ({@code address-capacity} per {@code period}: guessing many users' passwords)
 * and one of the address and user id together ({@code user-capacity} per {@code period}: guessing one user's). A
 * login that succeeds gives its tokens back and starts the pair afresh, so only failures are counted; a token is
 * taken before the check, so parallel guesses cannot get past an empty budget. The engine's own per-account lockout
 * and delay are switched off ({@code loginMaxAttempts}, {@code loginDelayMaxTime}, application.properties): they let
 * anyone lock any account, the violence line's operators included, and delayed the real user too. A user logging in
 * from her own address is never slowed down by a stranger's failures somewhere else.
 */
@Component
public class LoginThrottle {

    public static final String MESSAGE = Texts.get("api.error.too-many-logins");
    private static final long MAX_KEYS = 100_000;

    private final ClientBuckets byAddress;
    private final ClientBuckets byAddressAndUser;

    LoginThrottle(@Value("${app.security.login-throttle.address-capacity:30}") int addressCapacity,
            @Value("${app.security.login-throttle.user-capacity:10}") int userCapacity,
            @Value("${app.security.login-throttle.period:PT15M}") Duration period) {
        this.byAddress = new ClientBuckets(addressCapacity, period, MAX_KEYS);
        this.byAddressAndUser = new ClientBuckets(userCapacity, period, MAX_KEYS);
    }

    /** A login attempt that may go on to check the password. */
    public final class Attempt {
        private final String address;
        private final String pair;

        private Attempt(String address, String pair) {
            this.address = address;
            this.pair = pair;
        }

        /** The password was right: the failures of this address with this user are forgotten. */
        public void succeeded() {
            byAddressAndUser.reset(pair);
            byAddress.giveBack(address);
        }

        /** Nothing was checked after all (the request was refused for another reason): the tokens go back. */
        public void notChecked() {
            byAddressAndUser.giveBack(pair);
            byAddress.giveBack(address);
        }
    }

    /** Starts an attempt of a client at a user's password, or refuses it with the time to wait when over a budget. */
    public Result begin(String clientAddress, String userId) {
        String address = ClientBuckets.clientKey(clientAddress);
        String pair = address + " " + (userId == null ? "" : userId.toLowerCase(Locale.ROOT));
        Optional<Duration> pairWait = byAddressAndUser.tryTake(pair);
        if (pairWait.isPresent()) {
            return new Result(null, pairWait.get());
        }
        Optional<Duration> addressWait = byAddress.tryTake(address);
        if (addressWait.isPresent()) {
            byAddressAndUser.giveBack(pair);
            return new Result(null, addressWait.get());
        }
        return new Result(new Attempt(address, pair), null);
    }

    /** Either an attempt that may proceed or the time to wait. */
    public record Result(Attempt attempt, Duration retryAfter) {
        public boolean throttled() {
            return attempt == null;
        }
    }

    /** Checks the password within the budgets; a failed check keeps its tokens. */
    boolean check(String clientAddress, String userId, BooleanSupplier passwordCheck) {
        Result result = begin(clientAddress, userId);
        if (result.throttled()) {
            throw new ThrottledException(result.retryAfter());
        }
        boolean authenticated;
        try {
            authenticated = passwordCheck.getAsBoolean();
        } catch (RuntimeException e) {
            result.attempt().notChecked();
            throw e;
        }
        if (authenticated) {
            result.attempt().succeeded();
        }
        return authenticated;
    }

    /** A login refused before its password was checked, because its source is over a budget. */
    static final class ThrottledException extends RuntimeException {
        private final Duration wait;

        ThrottledException(Duration wait) {
            super("login throttled", null, false, false);
            this.wait = wait;
        }

        Duration getWait() {
            return wait;
        }
    }
}
