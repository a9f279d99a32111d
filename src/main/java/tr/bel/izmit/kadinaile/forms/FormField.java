package tr.bel.izmit.kadinaile.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One input field of a Camunda Form, with everything the server needs to check a submitted value.
 *
 * @param key                the form key, which is also the process variable name
 * @param type               the form-js component type ({@code textfield}, {@code number}, ...)
 * @param subtype            the {@code subtype} of a {@code datetime} field ({@code date}, {@code time},
 *                           {@code datetime}), otherwise {@code null}
 * @param label              the label shown to people (falls back to the key)
 * @param required           {@code validate.required}
 * @param min                {@code validate.min} of a number field
 * @param max                {@code validate.max} of a number field
 * @param minLength          {@code validate.minLength} of a text field
 * @param maxLength          {@code validate.maxLength} of a text field
 * @param pattern            {@code validate.pattern}, a regular expression the whole value must match
 * @param validationType     {@code validate.validationType}: {@code email}, {@code phone} or {@code null}
 * @param decimalDigits      {@code decimalDigits} of a number field
 * @param options            the option values of a select, radio, checklist or taglist field; {@code null}
 *                           when the options are not fixed in the form (or the field has none)
 * @param readonly           {@code readonly: true}
 * @param readonlyCondition  a FEEL expression ({@code "=..."}) given as {@code readonly}, otherwise {@code null}
 * @param disabled           {@code disabled: true}
 * @param hideConditions     the {@code conditional.hide} expressions of the field and of the groups around it,
 *                           outermost first; the field is hidden when any of them is true
 * @param properties         the custom properties ({@code validator}, {@code dateRule}, ...)
 * @param listPath           the path of the dynamic list the field repeats in, otherwise {@code null}
 */
public record FormField(
    String key,
    String type,
    String subtype,
    String label,
    boolean required,
    BigDecimal min,
    BigDecimal max,
    Integer minLength,
    Integer maxLength,
    String pattern,
    String validationType,
    Integer decimalDigits,
    List<String> options,
    boolean readonly,
    String readonlyCondition,
    boolean disabled,
    List<String> hideConditions,
    Map<String, String> properties,
    String listPath) {

    /** Custom property naming a domain validator. */
    public static final String PROPERTY_VALIDATOR = "validator";
    /** Custom property restricting a date to the past or the future. */
    public static final String PROPERTY_DATE_RULE = "dateRule";

    public static final String VALIDATOR_TC_KIMLIK_NO = "tcKimlikNo";
    public static final String VALIDATOR_IBAN = "iban";
    public static final String VALIDATOR_MOBILE_PHONE = "mobilePhone";
    public static final String VALIDATOR_VERGI_KIMLIK_NO = "vergiKimlikNo";
    public static final Set<String> VALIDATORS = Set.of(VALIDATOR_TC_KIMLIK_NO, VALIDATOR_IBAN, VALIDATOR_MOBILE_PHONE,
        VALIDATOR_VERGI_KIMLIK_NO);

    /** The date may be today or earlier. */
    public static final String DATE_RULE_PAST = "past";
    /** The date may be today or later. */
    public static final String DATE_RULE_FUTURE = "future";
    public static final Set<String> DATE_RULES = Set.of(DATE_RULE_PAST, DATE_RULE_FUTURE);

    public FormField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        label = label == null || label.isBlank() ? key : label.strip();
        options = options == null ? null : List.copyOf(options);
        hideConditions = hideConditions == null ? List.of() : List.copyOf(hideConditions);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("field '" + key + "' has an invalid pattern: " + pattern, e);
            }
        }
        String validator = properties.get(PROPERTY_VALIDATOR);
        if (validator != null && !VALIDATORS.contains(validator)) {
            throw new IllegalArgumentException("field '" + key + "' names an unknown validator '" + validator
                + "'; known are " + VALIDATORS);
        }
        String dateRule = properties.get(PROPERTY_DATE_RULE);
        if (dateRule != null && !DATE_RULES.contains(dateRule)) {
            throw new IllegalArgumentException("field '" + key + "' has an unknown dateRule '" + dateRule
                + "'; known are " + DATE_RULES);
        }
    }

    /** The custom property {@code name}, or {@code null}. */
    public String property(String name) {
        return properties.get(name);
    }

    /** The domain validator named by the custom property {@code validator}, or {@code null}. */
    public String validator() {
        return properties.get(PROPERTY_VALIDATOR);
    }

    /** The custom property {@code dateRule} ({@code past} / {@code future}), or {@code null}. */
    public String dateRule() {
        return properties.get(PROPERTY_DATE_RULE);
    }

    /** Whether the field repeats inside a dynamic list. */
    public boolean inList() {
        return listPath != null;
    }
}
