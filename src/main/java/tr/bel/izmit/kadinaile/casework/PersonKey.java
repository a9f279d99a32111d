package tr.bel.izmit.kadinaile.casework;

import java.util.Locale;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * What a caseworker searches a person by, normalised: a name (at least three letters, lower case in Turkish), a
 * T.C. Kimlik No (11 digits) or a mobile phone (10 digits, without the leading 0 or +90). Never printed.
 */
public record PersonKey(Kind kind, String value) {

    public static final Locale TURKISH = Locale.forLanguageTag("tr");

    public enum Kind {
        NAME, TC_KIMLIK_NO, PHONE
    }

    /** The normalised key, or a Turkish validation error on field {@code term}. */
    static PersonKey of(String kind, String term) {
        Kind parsed;
        try {
            parsed = Kind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("kind", Texts.get("api.casework.search.kind"));
        }
        String text = term == null ? "" : term.strip();
        return switch (parsed) {
            case NAME -> {
                String name = text.replaceAll("\\s+", " ").toLowerCase(TURKISH);
                if (name.codePoints().filter(Character::isLetter).count() < 3 || name.length() > 100) {
                    throw ValidationFailedException.of("term", Texts.get("api.casework.search.name"));
                }
                yield new PersonKey(parsed, name);
            }
            case TC_KIMLIK_NO -> {
                String digits = text.replaceAll("[\\s-]", "");
                if (!digits.matches("[0-9]{11}")) {
                    throw ValidationFailedException.of("term", Texts.get("api.casework.search.tc"));
                }
                yield new PersonKey(parsed, digits);
            }
            case PHONE -> {
                String phone = phoneDigits(text);
                if (phone == null) {
                    throw ValidationFailedException.of("term", Texts.get("api.casework.search.phone"));
                }
                yield new PersonKey(parsed, phone);
            }
        };
    }

    /** The 10 digits of a Turkish phone number however it was written ("0532 111 22 33", "+90 532..."), or null. */
    public static String phoneDigits(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.startsWith("90") && digits.length() == 12) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0") && digits.length() == 11) {
            digits = digits.substring(1);
        }
        return digits.matches("[0-9]{10}") ? digits : null;
    }

    /** Whether a stored name contains the searched name (both compared in Turkish lower case). */
    public boolean nameMatches(String storedName) {
        return storedName != null && storedName.replaceAll("\\s+", " ").toLowerCase(TURKISH).contains(value);
    }

    /** Never prints the value. */
    @Override
    public String toString() {
        return "PersonKey[" + kind + ", value redacted]";
    }
}
