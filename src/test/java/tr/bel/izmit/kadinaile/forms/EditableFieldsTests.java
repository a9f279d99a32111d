package tr.bel.izmit.kadinaile.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** What a submission of a form may change, value by value, as Tasklist 7.24 sends it. */
class EditableFieldsTests {

    private static final FormSchema FORM = FormSchema.parse("""
        {"id": "editable-test", "type": "default", "components": [
          {"type": "textfield", "key": "trackingCode", "label": "Takip kodu", "readonly": true},
          {"type": "textfield", "key": "termMonths", "label": "Vade", "readonly": true},
          {"type": "number", "key": "approvedAmount", "label": "Onaylanan", "readonly": true},
          {"type": "checklist", "key": "categories", "label": "Kategoriler", "readonly": true,
           "values": [{"label": "A", "value": "A"}, {"label": "B", "value": "B"}]},
          {"type": "textfield", "key": "secret", "label": "Gizli", "disabled": true},
          {"type": "radio", "key": "decision", "label": "Karar",
           "values": [{"label": "Onay", "value": "APPROVE"}, {"label": "Ret", "value": "REJECT"}]},
          {"type": "textarea", "key": "reason", "label": "Gerekçe", "readonly": "=decision = \\"APPROVE\\"",
           "conditional": {"hide": "=decision != \\"REJECT\\""}}
        ]}
        """);

    private final EditableFields editable = new EditableFields();

    @Test
    void shouldAcceptEditableFieldsAndReadOnlyFieldsWithTheValueTheyWereShownWith() {
        Map<String, Object> current = Map.of("trackingCode", "MK-1", "termMonths", 12L, "approvedAmount", 3500L,
            "categories", SpinValues.jsonValue("[\"A\"]").create());
        Map<String, Object> submitted = new HashMap<>();
        submitted.put("trackingCode", "MK-1");
        submitted.put("termMonths", "12"); // a text field shows a number as text
        submitted.put("approvedAmount", 3500); // an untyped JSON number arrives as Integer
        submitted.put("categories", Variables.serializedObjectValue("[\"A\"]").serializationDataFormat("application/json").create());
        submitted.put("secret", ""); // disabled and empty, like the missing current value
        submitted.put("decision", "REJECT");
        submitted.put("reason", "Eksik belge");

        assertThat(editable.refused(FORM, submitted, current)).isEmpty();
    }

    @Test
    void shouldRefuseKeysOutsideTheFormAndChangedReadOnlyFields() {
        Map<String, Object> current = Map.of("trackingCode", "MK-1", "approvedAmount", 3500L);
        Map<String, Object> submitted = Map.of("trackingCode", "MK-2", "approvedAmount", 3500.5,
            "managerApprovalRequired", false, "decision", "APPROVE", "secret", "x");

        assertThat(editable.refused(FORM, submitted, current))
            .containsExactly("approvedAmount", "managerApprovalRequired", "secret", "trackingCode");
    }

    @Test
    void shouldTreatAFieldMadeReadOnlyByItsConditionAsReadOnly() {
        assertThat(editable.refused(FORM, Map.of("decision", "APPROVE", "reason", "yazı"), Map.of())).containsExactly("reason");
        assertThat(editable.refused(FORM, Map.of("decision", "REJECT", "reason", "yazı"), Map.of())).isEmpty();
    }

    @Test
    void shouldNameTheFieldInTurkish() {
        assertThat(EditableFields.message("committeeDecidedBy"))
            .isEqualTo("Bu alan bu formda değiştirilemez: committeeDecidedBy");
        assertThat(editable.refused(FORM, Map.of(), Map.of())).isEqualTo(List.of());
    }

    @Test
    void shouldNeedTheShownValuesOnlyWhenAReadOnlyOrConditionallyReadOnlyFieldIsSubmitted() {
        assertThat(editable.needsCurrentValues(FORM, List.of("decision", "unknownKey"))).isFalse();
        assertThat(editable.needsCurrentValues(FORM, List.of("decision", "trackingCode"))).isTrue();
        assertThat(editable.needsCurrentValues(FORM, List.of("secret"))).isTrue();
        assertThat(editable.needsCurrentValues(FORM, List.of("reason"))).isTrue();
        // the same answer as with the shown values when none is needed: an unknown key is refused either way
        Map<String, Object> submitted = Map.of("decision", "REJECT", "unknownKey", "x");
        assertThat(editable.refused(FORM, submitted, Map.of()))
            .isEqualTo(editable.refused(FORM, submitted, Map.of("decision", "APPROVE", "trackingCode", "MK-1")))
            .containsExactly("unknownKey");
    }
}
