package tr.bel.izmit.kadinaile.microcredit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Start-form values as Tasklist submits them, and fresh valid identity numbers. */
public final class MicrocreditTestData {

    static final String VALID_IBAN = "TR330006100519786457841326";

    private MicrocreditTestData() {
    }

    public static Map<String, Object> startForm(long requestedAmount) {
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", "Ayten Test Başvuran");
        values.put("tcKimlikNo", randomTcKimlikNo());
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

    /** A valid T.C. Kimlik No with random first nine digits, computed with the official check digits. */
    static String randomTcKimlikNo() {
        int[] d = new int[11];
        d[0] = 1 + ThreadLocalRandom.current().nextInt(9);
        for (int i = 1; i < 9; i++) {
            d[i] = ThreadLocalRandom.current().nextInt(10);
        }
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        d[9] = Math.floorMod(odd * 7 - even, 10);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        d[10] = sum % 10;
        StringBuilder number = new StringBuilder();
        for (int digit : d) {
            number.append(digit);
        }
        return number.toString();
    }
}
