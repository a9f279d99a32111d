package tr.bel.izmit.kadinaile.common;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Unguessable tracking codes such as {@code MK-7F3K-9Q2X}: a service prefix and eight symbols of Crockford's
 * base-32 alphabet (no I, L, O, U, so that a code read out on the phone is not misheard), drawn from a
 * cryptographically secure generator: 40 bits of entropy.
 */
public final class TrackingCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");

    private TrackingCodes() {
    }

    public static String generate(String prefix) {
        if (!prefix.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("prefix must be two capital letters");
        }
        StringBuilder code = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static boolean isWellFormed(String code) {
        return code != null && FORMAT.matcher(code).matches();
    }
}
