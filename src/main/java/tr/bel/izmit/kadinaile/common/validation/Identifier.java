package tr.bel.izmit.kadinaile.common.validation;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The identifiers people type into forms, each with the one written form it is checked and stored in. People write
 * them with spaces ({@code 190 000 000 88}, {@code TR33 0006 1005 ...}) and phones also with dashes, parentheses and
 * a leading {@code +90} or {@code 0}; every door (portal, public API, Tasklist) turns what was typed into the written
 * form first, then validates and stores that.
 */
public enum Identifier {

    TC_KIMLIK_NO(TcKimlikNo::normalize, TcKimlikNo::isValid),
    VERGI_KIMLIK_NO(TcKimlikNo::normalize, VergiKimlikNo::isValid),
    IBAN(Iban::normalize, Iban::isValid),
    /** The ten-digit national form {@code 5XXXXXXXXX}; a value that is no mobile number is kept as typed. */
    MOBILE_PHONE(MobilePhone::normalize, MobilePhone::isValid);

    private final UnaryOperator<String> normalizer;
    private final Predicate<String> validity;

    Identifier(UnaryOperator<String> normalizer, Predicate<String> validity) {
        this.normalizer = normalizer;
        this.validity = validity;
    }

    /**
     * The written form of what was typed, or the typed value without surrounding blanks when it cannot be read as
     * one (so that the validator names the field's error against what she wrote). {@code null} stays {@code null}.
     */
    public String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String normalized = normalizer.apply(typed);
        return normalized == null ? typed.strip() : normalized;
    }

    /** Whether the value, however typed, is a valid identifier of this kind. */
    public boolean isValid(String typed) {
        return typed != null && validity.test(normalize(typed));
    }
}
