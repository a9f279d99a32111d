package tr.bel.izmit.kadinaile.common.validation;

import java.util.regex.Pattern;

/**
 * The Turkish identity number (T.C. Kimlik No): eleven digits, the first not zero, the last two being
 * check digits computed from the ones before them.
 */
public final class TcKimlikNo {

    private static final int LENGTH = 11;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private TcKimlikNo() {
    }

    /**
     * The number without the spaces people type into it ({@code 190 000 000 88}); {@code null} stays {@code null}.
     * Whether the result is a valid number is for {@link #isValid} to say.
     */
    public static String normalize(String value) {
        return value == null ? null : WHITESPACE.matcher(value).replaceAll("");
    }

    /** Whether {@code value} is a well-formed identity number whose check digits match. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        int[] digits = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            digits[i] = c - '0';
        }
        if (digits[0] == 0) {
            return false;
        }
        return digits[9] == tenthDigit(digits) && digits[10] == eleventhDigit(digits);
    }

    /** d10 = ((d1 + d3 + d5 + d7 + d9) * 7 - (d2 + d4 + d6 + d8)) mod 10, never negative. */
    private static int tenthDigit(int[] digits) {
        int odd = digits[0] + digits[2] + digits[4] + digits[6] + digits[8];
        int even = digits[1] + digits[3] + digits[5] + digits[7];
        return Math.floorMod(odd * 7 - even, 10);
    }

    /** d11 = (d1 + ... + d10) mod 10. */
    private static int eleventhDigit(int[] digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += digits[i];
        }
        return sum % 10;
    }
}
