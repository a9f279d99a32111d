package tr.bel.izmit.kadinaile.portal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormSchema;

/**
 * Turns the parameters of a portal form post into the values Tasklist would submit for the same form:
 * numbers as Long (whole numbers of fields without decimals) or Double, a checkbox as Boolean (unticked =
 * false), a checklist as a list of strings, everything else as text; empty text is left out. Only fields of
 * the form that the page shows are taken, so nothing else (the CSRF token, a crafted extra parameter, a
 * read-only field) reaches the process.
 */
final class PortalFormBinder {

    private static final Set<String> NOT_BOUND = Set.of("dynamiclist", "expression", "filepicker");
    private static final Pattern INTEGRAL = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,18}([.,][0-9]{1,18})?");

    private PortalFormBinder() {
    }

    /** The fields a citizen can fill in. */
    static boolean isBound(FormField field) {
        return !field.readonly() && !field.disabled() && field.readonlyCondition() == null && !NOT_BOUND.contains(field.type());
    }

    /** What the citizen entered, by form key, as sent (for showing the form again). */
    static Map<String, List<String>> entered(FormSchema form, Map<String, List<String>> parameters) {
        Map<String, List<String>> entered = new LinkedHashMap<>();
        for (FormField field : form.topLevelFields()) {
            List<String> values = parameters.get(field.key());
            if (isBound(field) && values != null) {
                entered.put(field.key(), values.stream().map(v -> v == null ? "" : v).toList());
            }
        }
        return entered;
    }

    /** The typed values for {@link PortalApplications#submit}. */
    static Map<String, Object> bind(FormSchema form, Map<String, List<String>> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField field : form.topLevelFields()) {
            if (!isBound(field)) {
                continue;
            }
            List<String> raw = parameters.getOrDefault(field.key(), List.of()).stream()
                .map(v -> v == null ? "" : v.strip()).toList();
            switch (field.type()) {
                case "checkbox" -> values.put(field.key(), raw.contains("true"));
                case "checklist", "taglist" -> {
                    List<String> chosen = raw.stream().filter(v -> !v.isEmpty()).distinct().toList();
                    if (!chosen.isEmpty()) {
                        values.put(field.key(), chosen);
                    }
                }
                case "number" -> {
                    String text = first(raw);
                    if (!text.isEmpty()) {
                        values.put(field.key(), number(field, text));
                    }
                }
                default -> {
                    String text = first(raw);
                    if (!text.isEmpty()) {
                        values.put(field.key(), text);
                    }
                }
            }
        }
        return values;
    }

    /** A Long or a Double; text that is no number stays text, for the validator to name. */
    static Object number(FormField field, String text) {
        String plain = text.replace(" ", "");
        Integer digits = field.decimalDigits();
        if (INTEGRAL.matcher(plain).matches() && (digits == null || digits == 0)) {
            return Long.parseLong(plain);
        }
        if (DECIMAL.matcher(plain).matches()) {
            BigDecimal decimal = new BigDecimal(plain.replace(',', '.'));
            if (decimal.stripTrailingZeros().scale() <= 0 && (digits == null || digits == 0)) {
                return decimal.longValueExact();
            }
            return decimal.doubleValue();
        }
        return text;
    }

    private static String first(List<String> values) {
        return values.stream().filter(v -> !v.isEmpty()).findFirst().orElse("");
    }
}
