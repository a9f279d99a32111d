package tr.bel.izmit.kadinaile.microcredit;

import java.util.HashMap;
import java.util.Map;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/** Start-form values as Tasklist submits them, and fresh valid identity numbers. */
public final class MicrocreditTestData {

    static final String VALID_IBAN = "TR330006100519786457841326";

    private MicrocreditTestData() {
    }

    public static Map<String, Object> startForm(long requestedAmount) {
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", "Ayten Test Başvuran");
        values.put("tcKimlikNo", IdentityNumbers.randomTcKimlikNo());
        values.put("phone", "05321234567");
        values.put("email", "ayten@example.org");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "FOOD");
        values.put("businessSummary", "Ev yapımı erişte ve tarhana üretip semt pazarında satıyorum.");
        values.put("requestedAmount", requestedAmount);
        values.put("termMonths", "6");
        values.put("iban", VALID_IBAN);
        values.put("kvkkConsent", true);
        return values;
    }
}
