package tr.bel.izmit.kadinaile.support;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid (invented) identity and bank numbers for the tests: T.C. Kimlik No, Vergi Kimlik No and Turkish IBANs. The
 * check digits are computed here, independently of the validators under test ({@code common.validation}), so the
 * property tests can use them as their oracle. One place instead of the eight copies the tests had.
 */
public final class IdentityNumbers {

    private IdentityNumbers() {
    }

    // ---------------------------------------------------------------- T.C. Kimlik No

    /**
     * The T.C. Kimlik No of these nine digits (the first not 0) and its two check digits: the tenth is (7 × the sum of
     * the 1st, 3rd, 5th, 7th, 9th digits − the sum of the 2nd, 4th, 6th, 8th) mod 10, the eleventh the sum of the first
     * ten mod 10.
     */
    public static String tcKimlikNo(String nineDigits) {
        if (!nineDigits.matches("[1-9][0-9]{8}")) {
            throw new IllegalArgumentException("nine digits, the first not 0: " + nineDigits);
        }
        int[] d = nineDigits.chars().map(c -> c - '0').toArray();
        int tenth = Math.floorMod((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7]), 10);
        int sum = tenth;
        for (int digit : d) {
            sum += digit;
        }
        return nineDigits + tenth + sum % 10;
    }

    /** The T.C. Kimlik No whose first digit is {@code kind} (1-9) followed by the serial in eight digits. */
    public static String tcKimlikNo(int kind, int serial) {
        return tcKimlikNo(kind + String.format("%08d", Math.floorMod(serial, 100_000_000)));
    }

    /** A T.C. Kimlik No with nine random digits. */
    public static String randomTcKimlikNo() {
        return randomTcKimlikNo(ThreadLocalRandom.current());
    }

    /** A T.C. Kimlik No with nine digits drawn from this random (the same seed, the same number). */
    public static String randomTcKimlikNo(Random random) {
        StringBuilder nine = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 1; i < 9; i++) {
            nine.append(random.nextInt(10));
        }
        return tcKimlikNo(nine.toString());
    }

    // ---------------------------------------------------------------- Vergi Kimlik No

    /**
     * The Vergi Kimlik No of these nine digits and its check digit: for the digit d at position i (1-9), t = (d + 10 − i)
     * mod 10 and p = t × 2^(10 − i) mod 9 (9 where t ≠ 0 and p = 0); the check digit is (10 − Σp mod 10) mod 10.
     */
    public static String vergiKimlikNo(String nineDigits) {
        if (!nineDigits.matches("[0-9]{9}")) {
            throw new IllegalArgumentException("nine digits: " + nineDigits);
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int position = i + 1;
            int t = (nineDigits.charAt(i) - '0' + 10 - position) % 10;
            int p = BigInteger.valueOf(t).multiply(BigInteger.TWO.pow(10 - position)).mod(BigInteger.valueOf(9)).intValueExact();
            sum += (t != 0 && p == 0) ? 9 : p;
        }
        return nineDigits + (10 - sum % 10) % 10;
    }

    /** The Vergi Kimlik No whose first digit is {@code kind} (0-9) followed by the serial in eight digits. */
    public static String vergiKimlikNo(int kind, int serial) {
        return vergiKimlikNo(kind + String.format("%08d", Math.floorMod(serial, 100_000_000)));
    }

    // ---------------------------------------------------------------- IBAN

    /**
     * The IBAN of this country and BBAN with its check digits, computed with BigInteger: 98 minus the remainder of
     * BBAN + country + "00" (letters as 10..35) divided by 97.
     */
    public static String iban(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + (check < 10 ? "0" : "") + check + bban;
    }

    /** A Turkish IBAN of the bank code 00061, reserve digit 0 and a random account number of 16 digits. */
    public static String randomTurkishIban() {
        StringBuilder bban = new StringBuilder("000610");
        for (int i = 0; i < 16; i++) {
            bban.append(ThreadLocalRandom.current().nextInt(10));
        }
        return iban("TR", bban.toString());
    }
}
