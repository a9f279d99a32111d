package tr.bel.izmit.kadinaile.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Start-form values of a microcredit application as Tasklist submits them, each with its own identity number. */
final class ReportTestData {

    private static final AtomicInteger SERIAL = new AtomicInteger(100_000);

    private ReportTestData() {
    }

    static Map<String, Object> microcreditStartForm(long requestedAmount) {
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", "Rapor Test Başvuran");
        values.put("tcKimlikNo", tcKimlikNo(SERIAL.incrementAndGet()));
        values.put("phone", "05321234567");
        values.put("email", "rapor@example.org");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("izgimMember", "NOT_MEMBER");
        values.put("sector", "TEXTILE");
        values.put("businessSummary", "Evde el örgüsü ürünler hazırlayıp çevrim içi satıyorum.");
        values.put("requestedAmount", requestedAmount);
        values.put("termMonths", "6");
        values.put("iban", "TR330006100519786457841326");
        values.put("kvkkConsent", true);
        return values;
    }

    /** A valid T.C. Kimlik No whose first nine digits are 7 followed by the serial (8 digits). */
    static String tcKimlikNo(int serial) {
        String nine = "7" + String.format("%08d", serial % 100_000_000);
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = nine.charAt(i) - '0';
        }
        d[9] = Math.floorMod((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7]), 10);
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
