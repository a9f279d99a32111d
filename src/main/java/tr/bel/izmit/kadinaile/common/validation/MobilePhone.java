package tr.bel.izmit.kadinaile.common.validation;

import java.util.regex.Pattern;

/**
 * Turkish mobile phone numbers. They are stored in the ten-digit national form {@code 5XXXXXXXXX};
 * people write them in many ways ({@code 0532 123 45 67}, {@code +90 (532) 123-45-67}, ...).
 */
public final class MobilePhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern NATIONAL = Pattern.compile("5[0-9]{9}");

    private MobilePhone() {
    }

    /**
     * The ten-digit form {@code 5XXXXXXXXX} of a Turkish mobile number, or {@code null} when the value is
     * not one. Spaces, dashes and parentheses are ignored, as is a leading {@code +90}, {@code 0090},
     * {@code 90} or {@code 0}.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String number = SEPARATORS.matcher(value).replaceAll("");
        if (number.startsWith("+90")) {
            number = number.substring(3);
        } else if (number.startsWith("0090")) {
            number = number.substring(4);
        } else if (number.startsWith("90") && number.length() == 12) {
            number = number.substring(2);
        }
        if (number.startsWith("0") && number.length() == 11) {
            number = number.substring(1);
        }
        return NATIONAL.matcher(number).matches() ? number : null;
    }

    /** Whether the value, however written, is a Turkish mobile number. */
    public static boolean isValid(String value) {
        return normalize(value) != null;
    }
}
