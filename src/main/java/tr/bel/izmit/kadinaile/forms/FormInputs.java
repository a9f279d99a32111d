package tr.bel.izmit.kadinaile.forms;

import java.util.LinkedHashMap;
import java.util.Map;

import tr.bel.izmit.kadinaile.common.validation.Identifier;

/**
 * Turns what people typed into identifier fields (custom property {@code validator}: T.C. Kimlik No, Vergi Kimlik
 * No, IBAN, mobile phone) into the one written form of {@link Identifier}, before the form is validated and the
 * values are stored: {@code 0532 123 45 67} becomes {@code 5321234567}, {@code tr33 0006 1005 ...} becomes
 * {@code TR330006...}. A value that cannot be read as one is left as typed, for the validator to name.
 */
public final class FormInputs {

    private FormInputs() {
    }

    /** The values with every identifier field normalized; the other values unchanged. */
    public static Map<String, Object> normalized(FormSchema form, Map<String, Object> values) {
        Map<String, Object> normalized = new LinkedHashMap<>(values);
        normalized.putAll(changes(form, values));
        return normalized;
    }

    /** Only the identifier fields whose normalized form differs from what was submitted, by key. */
    public static Map<String, Object> changes(FormSchema form, Map<String, Object> values) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (FormField field : form.topLevelFields()) {
            Identifier identifier = identifier(field);
            if (identifier != null && values.get(field.key()) instanceof String typed) {
                String normalized = identifier.normalize(typed);
                if (!normalized.equals(typed)) {
                    changes.put(field.key(), normalized);
                }
            }
        }
        return changes;
    }

    static Identifier identifier(FormField field) {
        String validator = field.validator();
        if (validator == null) {
            return null;
        }
        return switch (validator) {
            case FormField.VALIDATOR_TC_KIMLIK_NO -> Identifier.TC_KIMLIK_NO;
            case FormField.VALIDATOR_VERGI_KIMLIK_NO -> Identifier.VERGI_KIMLIK_NO;
            case FormField.VALIDATOR_IBAN -> Identifier.IBAN;
            case FormField.VALIDATOR_MOBILE_PHONE -> Identifier.MOBILE_PHONE;
            default -> null;
        };
    }
}
