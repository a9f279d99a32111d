package tr.bel.izmit.kadinaile.common.validation;

/**
 * The Turkish tax number of a legal entity such as a cooperative (Vergi Kimlik No, VKN): ten digits, the last
 * one a check digit computed by the Revenue Administration's algorithm from the nine before it.
 */
public final class VergiKimlikNo {

    private static final int LENGTH = 10;

    private VergiKimlikNo() {
    }

    /** Whether {@code value} is ten digits whose check digit matches. */
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
        return digits[9] == checkDigit(digits);
    }

    /**
     * For each of the first nine digits d(i), i = 1..9: t = (d(i) + 10 - i) mod 10, p = t * 2^(10 - i) mod 9,
     * and p = 9 when t is not 0 but p is; the check digit is (10 - (sum of p) mod 10) mod 10.
     */
    static int checkDigit(int[] digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int t = (digits[i] + 9 - i) % 10;
            int p = (t * (1 << (9 - i))) % 9;
            if (t != 0 && p == 0) {
                p = 9;
            }
            sum += p;
        }
        return (10 - sum % 10) % 10;
    }
}
