package tr.bel.izmit.kadinaile.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/** Start-form values of a microcredit application as Tasklist submits them, each with its own identity number. */
final class ReportTestData {

    private static final AtomicInteger SERIAL = new AtomicInteger(100_000);

    private ReportTestData() {
    }

    static Map<String, Object> microcreditStartForm(long requestedAmount) {
        Map<String, Object> values = new HashMap<>();
        values.put("fullName", "Rapor Test Başvuran");
        values.put("tcKimlikNo", IdentityNumbers.tcKimlikNo(7, SERIAL.incrementAndGet()));
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
}
