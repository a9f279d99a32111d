package tr.bel.izmit.kadinaile.common.validation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * International Bank Account Numbers (ISO 13616), of which only Turkish ones are accepted: loans are paid into
 * accounts at Turkish banks. A Turkish IBAN has 26 characters, {@code TR}, two check digits and 22 digits.
 * {@link #isWellFormed} still knows the general shape of any country's IBAN, so that a foreign IBAN is told apart
 * from a mistyped one.
 */
public final class Iban {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TURKISH = Pattern.compile("TR[0-9]{24}");
    private static final Pattern GENERIC = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private Iban() {
    }

    /** Removes every white space and upper-cases the letters; {@code null} stays {@code null}. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        // Locale.ROOT: in a Turkish locale "i" would become a dotted capital İ
        return WHITESPACE.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /**
     * Whether the normalized value has the shape of an IBAN of any country, without looking at its check digits; a
     * value starting with {@code TR} must have the Turkish shape.
     */
    public static boolean isWellFormed(String value) {
        String iban = normalize(value);
        if (iban == null) {
            return false;
        }
        if (iban.startsWith("TR")) {
            return TURKISH.matcher(iban).matches();
        }
        return GENERIC.matcher(iban).matches();
    }

    /** Whether the normalized value has the shape of a Turkish IBAN, without looking at its check digits. */
    public static boolean isTurkish(String value) {
        String iban = normalize(value);
        return iban != null && TURKISH.matcher(iban).matches();
    }

    /** Whether the value is a Turkish IBAN whose mod-97 remainder is 1: the only IBANs a loan is paid into. */
    public static boolean isValid(String value) {
        return isTurkish(value) && hasValidCheckDigits(value);
    }

    /** Whether a well-formed IBAN of any country has matching check digits (mod-97 remainder 1). */
    public static boolean hasValidCheckDigits(String value) {
        return isWellFormed(value) && mod97(normalize(value)) == 1;
    }

    /**
     * The ISO 7064 mod-97 remainder of an IBAN: the first four characters move to the end, letters count
     * as 10 (A) to 35 (Z), and the resulting number is reduced digit by digit.
     */
    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            int value = Character.digit(rearranged.charAt(i), 36);
            if (value < 0) {
                throw new IllegalArgumentException("not an IBAN character: " + rearranged.charAt(i));
            }
            remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
            remainder %= 97;
        }
        return remainder;
    }
}
