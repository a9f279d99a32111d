package tr.bel.izmit.kadinaile.portal;

import java.util.List;
import java.util.Map;

/**
 * One piece of a start form as the portal page renders it: a block of text, a group of fields, or an input
 * field together with what the citizen entered and the error it has, if any.
 *
 * @param kind        {@code text}, {@code separator}, {@code group} or the input kind: {@code input} (a single
 *                    line input of {@link #inputType}), {@code textarea}, {@code select}, {@code radio},
 *                    {@code checkbox} or {@code checklist}
 * @param key         the form key, which is also the request parameter's name (null for text and groups)
 * @param id          the HTML id of the input (or of the group's heading)
 * @param label       the label, plain text
 * @param html        the rendered text of a {@code text} component (already escaped), otherwise null
 * @param description the help text, plain text, or null
 * @param conditionNote when the field is shown only in some cases: a plain-language note saying when, or null
 * @param required    whether the field must be filled in (when it is shown)
 * @param inputType   the HTML {@code type} of an {@code input}
 * @param attributes  further HTML attributes of the input (minlength, max, pattern, inputmode, ...)
 * @param options     the choices of a select, radio or checklist
 * @param hide        when the field hides itself in the browser: the simple condition, or null
 * @param children    the nodes inside a group
 * @param value       the entered value of a single-valued field ("" when none)
 * @param values      the entered values of a checklist or checkbox
 * @param error       the Turkish message of the field's error, or null
 */
public record PortalFormNode(String kind, String key, String id, String label, String html, String description,
        String conditionNote, boolean required, String inputType, Map<String, String> attributes, List<Option> options,
        Hide hide, List<PortalFormNode> children, String value, List<String> values, String error) {

    /** One choice of a select, radio or checklist. */
    public record Option(String value, String label) {
    }

    /**
     * A {@code conditional.hide} condition simple enough for the portal's small script: the field hides when the
     * field {@code key} has ({@code op = "eq"}) or does not have ({@code op = "ne"}) the value {@code value}.
     */
    public record Hide(String key, String op, String value) {
    }

    public boolean isInput() {
        return key != null;
    }

    public boolean hasError() {
        return error != null;
    }

    /** The ids the input's aria-describedby names: its help text and its error. */
    public String describedBy() {
        StringBuilder ids = new StringBuilder();
        if (description != null || conditionNote != null) {
            ids.append(id).append("-yardim");
        }
        if (error != null) {
            ids.append(ids.isEmpty() ? "" : " ").append(id).append("-hata");
        }
        return ids.isEmpty() ? null : ids.toString();
    }

    /** Whether the browser may enforce {@code required}: never for a field that is shown only sometimes. */
    public boolean browserRequired() {
        return required && hide == null && conditionNote == null;
    }

    public boolean isChecked(String optionValue) {
        return values.contains(optionValue);
    }

    public boolean isSelected(String optionValue) {
        return optionValue.equals(value);
    }
}
