package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormSchema;

/**
 * Turns a start form's JSON (the very {@code forms/<id>.form} Tasklist renders) into the nodes the portal's
 * HTML page shows. The rules of each field come from the {@link FormSchema} the server validates with; the
 * layout (texts, groups, option labels, help texts) from the JSON itself. Read-only and disabled fields are
 * never shown to citizens, and components the portal cannot render are left out (and logged).
 */
@Component
class PortalFormPages {

    private static final Logger LOG = LoggerFactory.getLogger(PortalFormPages.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    /** {@code =key = "value"} or {@code =key != "value"}: conditions the browser script understands. */
    private static final Pattern SIMPLE_CONDITION = Pattern.compile("^=?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"\\\\]*)\"\\s*$");

    private final Map<String, JsonNode> trees = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalFormPages(Clock clock) {
        this.clock = clock;
    }

    /** A start form as the page shows it. */
    record Page(boolean hasTitle, List<PortalFormNode> nodes, int inputCount) {
    }

    /**
     * @param entered what the citizen entered, by form key (empty on a first visit)
     * @param errors  the Turkish message of each wrong field, by form key
     */
    Page page(FormSchema form, Map<String, List<String>> entered, Map<String, String> errors) {
        JsonNode components = tree(form.id()).path("components");
        boolean hasTitle = components.size() > 0 && "text".equals(components.get(0).path("type").asText())
            && PortalMarkdown.startsWithTitle(components.get(0).path("text").asText());
        Context context = new Context(form, entered, errors, hasTitle ? 0 : 1, labelsOf(components));
        List<PortalFormNode> nodes = nodes(components, context);
        return new Page(hasTitle, nodes, context.inputs);
    }

    private List<PortalFormNode> nodes(JsonNode components, Context context) {
        List<PortalFormNode> nodes = new ArrayList<>();
        for (JsonNode component : components) {
            node(component, context).ifPresent(nodes::add);
        }
        return nodes;
    }

    private Optional<PortalFormNode> node(JsonNode component, Context context) {
        String type = component.path("type").asText("");
        String id = component.path("id").asText("");
        switch (type) {
            case "text":
                return Optional.of(layout("text", id, null, PortalMarkdown.toHtml(component.path("text").asText(""), context.headingShift)));
            case "separator":
                return Optional.of(layout("separator", id, null, null));
            case "spacer":
                return Optional.empty();
            case "group": {
                List<PortalFormNode> children = nodes(component.path("components"), context);
                if (children.isEmpty()) {
                    return Optional.empty();
                }
                String label = text(component, "label");
                return Optional.of(new PortalFormNode("group", null, "grup-" + safeId(id), label, null, null, null, false,
                    null, Map.of(), List.of(), null, children, "", List.of(), null));
            }
            default:
                return input(component, type, context);
        }
    }

    private Optional<PortalFormNode> input(JsonNode component, String type, Context context) {
        String key = text(component, "key");
        FormField field = key == null ? null : context.form.field(key).orElse(null);
        if (field == null) {
            LOG.warn("Form {}: the {} component {} is not shown on the portal", context.form.id(), type, component.path("id").asText());
            return Optional.empty();
        }
        if (field.readonly() || field.disabled() || field.readonlyCondition() != null) {
            return Optional.empty();
        }
        String kind;
        String inputType = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        switch (type) {
            case "textfield" -> {
                kind = "input";
                inputType = textInputType(field, attributes);
                lengths(field, attributes);
            }
            case "textarea" -> {
                kind = "textarea";
                lengths(field, attributes);
            }
            case "number" -> {
                kind = "input";
                inputType = "number";
                number(field, attributes);
            }
            case "datetime" -> {
                kind = "input";
                inputType = switch (field.subtype() == null ? "date" : field.subtype()) {
                    case "time" -> "time";
                    case "datetime" -> "datetime-local";
                    default -> "date";
                };
                dateLimits(field, inputType, attributes);
            }
            case "select" -> kind = "select";
            case "radio" -> kind = "radio";
            case "checkbox" -> kind = "checkbox";
            case "checklist", "taglist" -> kind = "checklist";
            default -> {
                LOG.warn("Form {}: the field {} of type {} is not shown on the portal", context.form.id(), key, type);
                return Optional.empty();
            }
        }
        context.inputs++;
        List<String> entered = context.entered.getOrDefault(key, List.of());
        Hide hide = hide(field, context);
        return Optional.of(new PortalFormNode(kind, key, "f-" + safeId(key), field.label(), null, text(component, "description"),
            hide.note, field.required(), inputType, attributes, options(component), hide.condition, List.of(),
            entered.isEmpty() ? "" : entered.get(0), entered, context.errors.get(key)));
    }

    private record Hide(PortalFormNode.Hide condition, String note) {
    }

    /** The browser-side condition (when simple enough) and a plain note of when the field is needed. */
    private static Hide hide(FormField field, Context context) {
        if (field.hideConditions().isEmpty()) {
            return new Hide(null, null);
        }
        String generic = Texts.get("portal.form.hint.conditional");
        if (field.hideConditions().size() != 1) {
            return new Hide(null, generic);
        }
        Matcher simple = SIMPLE_CONDITION.matcher(field.hideConditions().get(0));
        if (!simple.matches() || context.form.field(simple.group(1)).isEmpty()) {
            return new Hide(null, generic);
        }
        String key = simple.group(1);
        boolean hiddenUnlessEqual = "!=".equals(simple.group(2));
        String value = simple.group(3);
        String question = context.form.field(key).map(FormField::label).orElse(key);
        String answer = context.optionLabels.getOrDefault(key + "\u0000" + value, value);
        String note = hiddenUnlessEqual
            ? Texts.get("portal.form.hint.shown-when", question, answer)
            : Texts.get("portal.form.hint.hidden-when", question, answer);
        return new Hide(new PortalFormNode.Hide(key, hiddenUnlessEqual ? "ne" : "eq", value), note);
    }

    private static String textInputType(FormField field, Map<String, String> attributes) {
        String validator = field.validator();
        if ("email".equals(field.validationType())) {
            attributes.put("autocomplete", "email");
            return "email";
        }
        if (FormField.VALIDATOR_MOBILE_PHONE.equals(validator) || "phone".equals(field.validationType())) {
            attributes.put("autocomplete", "tel");
            attributes.put("inputmode", "tel");
            pattern(field, attributes);
            return "tel";
        }
        if (FormField.VALIDATOR_TC_KIMLIK_NO.equals(validator)) {
            attributes.put("inputmode", "numeric");
            attributes.put("autocomplete", "off");
        } else if (FormField.VALIDATOR_IBAN.equals(validator)) {
            attributes.put("autocomplete", "off");
            attributes.put("autocapitalize", "characters");
            attributes.put("spellcheck", "false");
        }
        pattern(field, attributes);
        return "text";
    }

    private static void pattern(FormField field, Map<String, String> attributes) {
        if (field.pattern() != null) {
            // the browser anchors the pattern itself; ^ and $ of the form's pattern are harmless inside
            attributes.put("pattern", field.pattern());
        }
    }

    private static void lengths(FormField field, Map<String, String> attributes) {
        if (field.minLength() != null) {
            attributes.put("minlength", field.minLength().toString());
        }
        if (field.maxLength() != null) {
            attributes.put("maxlength", field.maxLength().toString());
        }
    }

    private static void number(FormField field, Map<String, String> attributes) {
        Integer digits = field.decimalDigits();
        attributes.put("inputmode", digits != null && digits == 0 ? "numeric" : "decimal");
        attributes.put("step", digits == null ? "any" : BigDecimal.ONE.movePointLeft(digits).toPlainString());
        if (field.min() != null) {
            attributes.put("min", field.min().toPlainString());
        }
        if (field.max() != null) {
            attributes.put("max", field.max().toPlainString());
        }
    }

    private void dateLimits(FormField field, String inputType, Map<String, String> attributes) {
        if (!"date".equals(inputType) || field.dateRule() == null) {
            return;
        }
        String today = LocalDate.now(clock.withZone(ZONE)).toString();
        attributes.put(FormField.DATE_RULE_PAST.equals(field.dateRule()) ? "max" : "min", today);
    }

    private static List<PortalFormNode.Option> options(JsonNode component) {
        List<PortalFormNode.Option> options = new ArrayList<>();
        for (JsonNode option : component.path("values")) {
            String value = option.path("value").asText();
            String label = option.path("label").asText("");
            options.add(new PortalFormNode.Option(value, label.isBlank() ? value : label));
        }
        return options;
    }

    /** Option labels by field key and value, for the notes of conditional fields. */
    private static Map<String, String> labelsOf(JsonNode components) {
        Map<String, String> labels = new LinkedHashMap<>();
        collectLabels(components, labels);
        return labels;
    }

    private static void collectLabels(JsonNode components, Map<String, String> labels) {
        for (JsonNode component : components) {
            String key = text(component, "key");
            if (key != null) {
                options(component).forEach(option -> labels.put(key + "\u0000" + option.value(), option.label()));
            }
            collectLabels(component.path("components"), labels);
        }
    }

    private static PortalFormNode layout(String kind, String id, String label, String html) {
        return new PortalFormNode(kind, null, "metin-" + safeId(id), label, html, null, null, false, null, Map.of(), List.of(),
            null, List.of(), "", List.of(), null);
    }

    private JsonNode tree(String formId) {
        return trees.computeIfAbsent(formId, id -> {
            try (InputStream in = new ClassPathResource("forms/" + id + ".form").getInputStream()) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the form " + id, e);
            }
        });
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    private static String safeId(String id) {
        return id == null ? "" : id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static final class Context {
        final FormSchema form;
        final Map<String, List<String>> entered;
        final Map<String, String> errors;
        final int headingShift;
        final Map<String, String> optionLabels;
        int inputs;

        Context(FormSchema form, Map<String, List<String>> entered, Map<String, String> errors, int headingShift,
                Map<String, String> optionLabels) {
            this.form = form;
            this.entered = entered;
            this.errors = errors;
            this.headingShift = headingShift;
            this.optionLabels = optionLabels;
        }
    }
}
