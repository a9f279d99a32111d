package tr.bel.izmit.kadinaile.forms;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads form-js JSON (schema version 16) into a {@link FormSchema}. Layout components are skipped, groups
 * and dynamic lists are entered, and every other component with a key becomes a {@link FormField}.
 */
final class FormSchemaParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

    private static final String GROUP = "group";
    private static final String DYNAMIC_LIST = "dynamiclist";

    /** Components that show something but take no input. */
    private static final Set<String> LAYOUT_TYPES = Set.of(
        "text", "spacer", "separator", "image", "button", "html", "iframe", "table", "documentPreview");

    /** Input components that cannot work without a key. */
    private static final Set<String> KEYED_TYPES = Set.of(
        "textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime",
        "filepicker", "expression");

    private FormSchemaParser() {
    }

    static FormSchema parse(String json) {
        try {
            return parse(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a form-js JSON document: " + e.getOriginalMessage(), e);
        }
    }

    static FormSchema parse(InputStream json) throws IOException {
        return parse(MAPPER.readTree(json));
    }

    private static FormSchema parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a form must be a JSON object");
        }
        String id = text(root, "id");
        if (id == null) {
            throw new IllegalArgumentException("the form has no id");
        }
        List<FormField> fields = new ArrayList<>();
        try {
            collect(root.path("components"), List.of(), null, fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("form '" + id + "': " + e.getMessage(), e);
        }
        rejectDuplicateKeys(id, fields);
        return new FormSchema(id, fields);
    }

    private static void collect(JsonNode components, List<String> outerHides, String listPath, List<FormField> out) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            List<String> hides = withOwnHide(outerHides, component);
            if (GROUP.equals(type)) {
                if (text(component, "path") != null) {
                    throw new IllegalArgumentException("groups with a path (nested values) are not supported");
                }
                collect(component.path("components"), hides, listPath, out);
            } else if (DYNAMIC_LIST.equals(type)) {
                if (listPath != null) {
                    throw new IllegalArgumentException("dynamic lists inside dynamic lists are not supported");
                }
                String path = text(component, "path");
                if (path == null) {
                    throw new IllegalArgumentException("a dynamic list has no path");
                }
                out.add(field(component, path, type, hides, null));
                collect(component.path("components"), hides, path, out);
            } else if (!LAYOUT_TYPES.contains(type)) {
                String key = text(component, "key");
                if (key != null) {
                    out.add(field(component, key, type, hides, listPath));
                } else if (KEYED_TYPES.contains(type)) {
                    throw new IllegalArgumentException("a " + type + " component has no key");
                }
            }
        }
    }

    private static FormField field(JsonNode component, String key, String type, List<String> hides, String listPath) {
        JsonNode validate = component.path("validate");
        JsonNode readonly = component.path("readonly");
        return new FormField(
            key,
            type,
            text(component, "subtype"),
            firstText(component, "label", "dateLabel", "timeLabel"),
            validate.path("required").asBoolean(false),
            decimal(validate.path("min")),
            decimal(validate.path("max")),
            integer(validate.path("minLength")),
            integer(validate.path("maxLength")),
            text(validate, "pattern"),
            text(validate, "validationType"),
            integer(component.path("decimalDigits")),
            options(component),
            readonly.isBoolean() ? readonly.booleanValue() : "true".equals(readonly.asText()),
            readonly.isTextual() && readonly.asText().strip().startsWith("=") ? readonly.asText().strip() : null,
            component.path("disabled").asBoolean(false),
            hides,
            properties(component, type),
            listPath);
    }

    private static List<String> withOwnHide(List<String> outerHides, JsonNode component) {
        JsonNode hide = component.path("conditional").path("hide");
        String expression;
        if (hide.isBoolean()) {
            expression = "=" + hide.booleanValue();
        } else if (hide.isTextual() && !hide.asText().isBlank()) {
            expression = hide.asText().strip();
        } else {
            return outerHides;
        }
        List<String> hides = new ArrayList<>(outerHides);
        hides.add(expression);
        return hides;
    }

    /** The fixed option values; {@code null} when the options come from a variable or an expression. */
    private static List<String> options(JsonNode component) {
        JsonNode values = component.path("values");
        if (!values.isArray()) {
            return null;
        }
        List<String> options = new ArrayList<>();
        values.forEach(option -> options.add(option.path("value").asText()));
        return options;
    }

    private static Map<String, String> properties(JsonNode component, String type) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : component.path("properties").properties()) {
            properties.put(entry.getKey(), entry.getValue().asText());
        }
        // form-js' own "no past dates" switch means the same as dateRule=future
        if ("datetime".equals(type) && component.path("disallowPassedDates").asBoolean(false)) {
            properties.putIfAbsent(FormField.PROPERTY_DATE_RULE, FormField.DATE_RULE_FUTURE);
        }
        return properties;
    }

    private static void rejectDuplicateKeys(String formId, List<FormField> fields) {
        Set<String> seen = new HashSet<>();
        for (FormField field : fields) {
            String qualified = field.inList() ? field.listPath() + "[]." + field.key() : field.key();
            if (!seen.add(qualified)) {
                throw new IllegalArgumentException("form '" + formId + "' uses the key '" + qualified + "' twice");
            }
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String text = text(node, name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            try {
                return new BigDecimal(node.asText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + node.asText(), e);
            }
        }
        return null;
    }

    private static Integer integer(JsonNode node) {
        BigDecimal value = decimal(node);
        return value == null ? null : value.intValueExact();
    }
}
