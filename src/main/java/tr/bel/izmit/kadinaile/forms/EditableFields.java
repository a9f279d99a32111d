package tr.bel.izmit.kadinaile.forms;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * What one submission of a Camunda Form may change: the form's own editable input fields, nothing else.
 *
 * <p>Tasklist 7.24 (form-js 1.8) submits every rendered keyed field that is not {@code disabled}: editable fields,
 * {@code readonly} fields with the value they were shown with, a dynamic list as one value under its path. So a
 * submitted key is accepted when it is an input of the form and, for a read-only or disabled field (also one made
 * read-only by its FEEL condition), only when its value equals the current one: it changes nothing. Any other key
 * (a routing fact such as {@code managerApprovalRequired}, who decided, an id) is refused with its name.
 */
public final class EditableFields {

    
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeelConditions conditions = new FeelConditions();

    /** The Turkish message for a field the submission may not change. */
    public static String message(String field) {
        return Texts.get("forms.field.not-editable", field);
    }

    /**
     * @param submitted the submitted variables (a {@link VariableMap} or plain values)
     * @param current   the variables the form was shown with (the task's scope; empty for a start form)
     * @return one entry per refused field name, in alphabetical order; empty when the submission is acceptable
     */
    public List<String> refused(FormSchema form, Map<String, ?> submitted, Map<String, Object> current) {
        if (submitted == null || submitted.isEmpty()) {
            return List.of();
        }
        Map<String, Object> currentValues = current == null ? Map.of() : current;
        Map<String, Object> scope = new HashMap<>(currentValues);
        submitted.keySet().forEach(key -> scope.put(key, plain(valueOf(submitted, key))));
        List<String> refused = new ArrayList<>();
        for (String key : new TreeSet<>(submitted.keySet())) {
            FormField field = form.field(key).orElse(null);
            if (field == null) {
                refused.add(key);
            } else if (isReadOnly(field, scope)
                    && !sameValue(plain(valueOf(submitted, key)), plain(currentValues.get(key)))) {
                refused.add(key);
            }
        }
        return List.copyOf(refused);
    }

    /**
     * Whether {@link #refused} needs the values the form was shown with for these submitted keys: only when one of
     * them is a field of the form that is, or may be by its condition, read-only. Otherwise the answer is the same
     * with an empty map, and the caller may spare itself reading the task's variables.
     */
    public boolean needsCurrentValues(FormSchema form, Collection<?> submittedKeys) {
        return submittedKeys.stream()
            .map(key -> form.field(String.valueOf(key)).orElse(null))
            .anyMatch(field -> field != null && (field.readonly() || field.disabled() || field.readonlyCondition() != null));
    }

    private boolean isReadOnly(FormField field, Map<String, Object> scope) {
        if (field.readonly() || field.disabled()) {
            return true;
        }
        return field.readonlyCondition() != null && conditions.isTrue(field.readonlyCondition(), scope);
    }

    private static Object valueOf(Map<String, ?> submitted, String key) {
        if (submitted instanceof VariableMap variables) {
            return variables.getValueTyped(key);
        }
        return submitted.get(key);
    }

    /** The value as plain Java: typed values unwrapped, JSON (Spin or serialized) parsed, numbers as BigDecimal. */
    static Object plain(Object value) {
        Object unwrapped = value;
        if (unwrapped instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            unwrapped = parseJson(serializable.getValueSerialized());
        } else if (unwrapped instanceof TypedValue typed) {
            unwrapped = typed.getValue();
        }
        if (unwrapped instanceof SpinJsonNode json) {
            unwrapped = parseJson(json.toString());
        }
        return normalize(unwrapped);
    }

    private static Object normalize(Object value) {
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                return number.toString();
            }
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> normalized = new LinkedHashMap<>();
            map.forEach((key, item) -> normalized.put(String.valueOf(key), normalize(item)));
            return normalized;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(EditableFields::normalize).toList();
        }
        return value;
    }

    private static Object parseJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            return json;
        }
    }

    /** Equal as a person reads them: empty equals missing, 12 equals "12" and 12.0. */
    static boolean sameValue(Object submitted, Object current) {
        if (isEmpty(submitted) || isEmpty(current)) {
            return isEmpty(submitted) && isEmpty(current);
        }
        BigDecimal submittedNumber = number(submitted);
        BigDecimal currentNumber = number(current);
        if (submittedNumber != null && currentNumber != null) {
            return submittedNumber.compareTo(currentNumber) == 0;
        }
        if (submitted instanceof String || current instanceof String) {
            return String.valueOf(submitted).equals(String.valueOf(current));
        }
        return Objects.equals(submitted, current);
    }

    private static boolean isEmpty(Object value) {
        return value == null
            || value instanceof String text && text.isEmpty()
            || value instanceof Collection<?> items && items.isEmpty();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
