package tr.bel.izmit.kadinaile.forms;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * Checks submitted values against a Camunda Form on the server, so that the rules of the form hold no
 * matter who submits it (Tasklist, the public API, a crafted request).
 *
 * <p>Per input field, in this order, the first failing rule gives the field's only error: required, type,
 * length / range / pattern, options, domain validator (custom property {@code validator}). Fields that are
 * read-only, disabled or hidden by {@code conditional.hide} are not checked; empty optional fields are
 * fine. Fields of a dynamic list are checked in every list item, the error naming {@code path[i].key}.
 */
@Component
public class FormValidator {

    static final String UNKNOWN_FIELD = Texts.get("forms.field.unknown");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeelConditions conditions = new FeelConditions();
    private final Clock clock;

    /** A validator on the system clock, for use outside the application (its bean uses the application's clock). */
    public FormValidator() {
        this(Clock.system(FieldChecks.ZONE));
    }

    /**
     * The application's validator: "today" (past and future date rules) comes from the application's {@link Clock},
     * which follows the engine's clock like every other rule of the system.
     */
    @Autowired
    FormValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The errors of the submitted values, in the form's field order; empty when all is well. */
    public List<FieldError> validate(FormSchema form, Map<String, Object> values) {
        Map<String, Object> variables = values == null ? Map.of() : values;
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        for (FormField field : form.topLevelFields()) {
            if ("dynamiclist".equals(field.type())) {
                validateList(form, field, variables, today, errors);
            } else {
                String message = check(field, variables, today);
                if (message != null) {
                    errors.add(new FieldError(field.key(), message));
                }
            }
        }
        return List.copyOf(errors);
    }

    /** Like {@link #validate} but throws when there is any error. */
    public void check(FormSchema form, Map<String, Object> values) {
        List<FieldError> errors = validate(form, values);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
    }

    /** An error for every submitted key that is not an input of the form, in alphabetical order. */
    public List<FieldError> unknownFields(FormSchema form, Set<String> submittedKeys) {
        Set<String> known = form.inputKeys();
        return new TreeSet<>(submittedKeys).stream()
            .filter(key -> !known.contains(key))
            .map(key -> new FieldError(key, UNKNOWN_FIELD))
            .toList();
    }

    private void validateList(FormSchema form, FormField list, Map<String, Object> variables, LocalDate today,
                              List<FieldError> errors) {
        if (isSkipped(list, variables)) {
            return;
        }
        Object value = plain(variables.get(list.key()));
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> items)) {
            errors.add(new FieldError(list.key(), Texts.get("forms.list.invalid", list.label())));
            return;
        }
        List<FormField> children = form.fieldsInList(list.key());
        for (int i = 0; i < items.size(); i++) {
            String prefix = list.key() + "[" + i + "].";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                errors.add(new FieldError(prefix.substring(0, prefix.length() - 1), Texts.get("forms.list.invalid", list.label())));
                continue;
            }
            // like form-js, conditions inside a list item see the item's values over the form's
            Map<String, Object> scope = new HashMap<>(variables);
            item.forEach((key, itemValue) -> scope.put(String.valueOf(key), itemValue));
            for (FormField child : children) {
                String message = check(child, scope, today);
                if (message != null) {
                    errors.add(new FieldError(prefix + child.key(), message));
                }
            }
        }
    }

    /** The message of the first rule the field breaks, or {@code null}. */
    private String check(FormField field, Map<String, Object> variables, LocalDate today) {
        if (isSkipped(field, variables)) {
            return null;
        }
        Object value = plain(variables.get(field.key()));
        if (isEmpty(field, value)) {
            return field.required() ? field.label() + " zorunludur." : null;
        }
        String message = FieldChecks.check(field, value, today);
        return message != null ? message : FieldChecks.domain(field, value);
    }

    private boolean isSkipped(FormField field, Map<String, Object> variables) {
        if (field.readonly() || field.disabled()) {
            return true;
        }
        if (field.readonlyCondition() != null && conditions.isTrue(field.readonlyCondition(), variables)) {
            return true;
        }
        return field.hideConditions().stream().anyMatch(hide -> conditions.isTrue(hide, variables));
    }

    private static boolean isEmpty(FormField field, Object value) {
        return value == null
            || value instanceof String text && text.isBlank()
            || value instanceof Collection<?> collection && collection.isEmpty()
            || "checkbox".equals(field.type()) && Boolean.FALSE.equals(value);
    }

    /** Tasklist submits lists and objects as JSON variables; they are checked as plain Java values. */
    private static Object plain(Object value) {
        if (value instanceof SpinJsonNode json) {
            try {
                return JSON.readValue(json.toString(), Object.class);
            } catch (IOException e) {
                return value;
            }
        }
        return value;
    }
}
