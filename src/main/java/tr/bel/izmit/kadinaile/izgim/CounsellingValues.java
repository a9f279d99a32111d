package tr.bel.izmit.kadinaile.izgim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Reads the values the forms send: checklists as lists or Spin JSON arrays, checkboxes possibly absent or as text. */
final class CounsellingValues {

    private CounsellingValues() {
    }

    static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static Integer integer(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof JsonValue jsonValue) {
            value = jsonValue.getValue();
        }
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(element -> result.add(element.stringValue()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(element -> result.add(String.valueOf(element)));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }
}
