package tr.bel.izmit.kadinaile.violenceline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;

import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/** Reads the values the forms send: checklists arrive as lists or as Spin JSON arrays, checkboxes may be absent. */
final class ViolenceLineValues {

    static final List<String> RISK_FLAGS = List.of(Vars.IMMEDIATE_DANGER, Vars.WEAPON_OR_THREAT, Vars.CHILDREN_AT_RISK,
        Vars.PREGNANT, Vars.EARLIER_INCIDENTS, Vars.PROTECTION_ORDER);
    static final String PHYSICAL_VIOLENCE = "physicalViolence";

    private ViolenceLineValues() {
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

    static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
