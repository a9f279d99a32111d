package tr.bel.izmit.kadinaile.violenceline;

import java.util.HashMap;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Intake values as the operator's Tasklist form submits them. All invented. */
public final class ViolenceLineTestData {

    public static final String CANARY_NAME = "Zümrüt Kanarya-4711";
    static final String CANARY_PHONE = "05419990471";
    static final String CANARY_NOTE = "Kanarya-olay-notu-4711 balkonda tartışma";

    private ViolenceLineTestData() {
    }

    /** A checklist's value as Tasklist submits it: a JSON array (Spin). */
    public static JsonValue checklist(String... values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(values[i]).append('"');
        }
        return SpinValues.jsonValue(json.append(']').toString()).create();
    }

    public static Map<String, Object> intake() {
        Map<String, Object> values = new HashMap<>();
        values.put("callerAnonymous", false);
        values.put("victimName", CANARY_NAME);
        values.put("safePhone", CANARY_PHONE);
        values.put("safeCallTimes", "Hafta içi 10:00-12:00");
        values.put("doNotCall", false);
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kanarya Mahallesi 4711");
        values.put("violenceTypes", checklist("PSYCHOLOGICAL"));
        values.put("immediateDanger", false);
        values.put("weaponOrThreatToKill", false);
        values.put("childrenAtRisk", false);
        values.put("pregnant", false);
        values.put("earlierIncidents", false);
        values.put("protectionOrder", false);
        values.put("perpetratorRelation", "SPOUSE");
        values.put("consentedReferrals", checklist("POLICE", "SONIM", "SHELTER", "PSYCHOLOGICAL", "LEGAL_AID", "SOCIAL_ASSISTANCE"));
        values.put("incidentNotes", CANARY_NOTE);
        return values;
    }
}
