package tr.bel.izmit.kadinaile.producers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;

/** Start-form values of producer applications as Tasklist submits them, each with its own identity or tax number. */
public final class ProducerTestData {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private ProducerTestData() {
    }

    /** A person from İzmit selling textiles and handicrafts online and at stands. */
    public static Map<String, Object> person() {
        Map<String, Object> values = new HashMap<>();
        values.put("applicantType", "PERSON");
        values.put("contactName", "Ayten Test Üretici");
        values.put("tcKimlikNo", IdentityNumbers.tcKimlikNo(8, SERIAL.incrementAndGet()));
        values.put("phone", phone(SERIAL.get()));
        values.put("email", "uretici@example.org");
        values.put("district", "IZMIT");
        values.put("neighbourhood", "Kozluk");
        values.put("productCategories", List.of("TEXTILE", "HANDICRAFT"));
        values.put("productionPlace", "Evimin bir odasını atölyeye çevirdim.");
        values.put("salesChannel", "BOTH");
        values.put("kvkkConsent", true);
        return values;
    }

    /** A women's cooperative selling food (with its registration number). */
    public static Map<String, Object> foodCooperative() {
        Map<String, Object> values = new HashMap<>();
        values.put("applicantType", "COOPERATIVE");
        values.put("contactName", "Gülten Test Kooperatif");
        values.put("cooperativeName", "Test Kadın Kooperatifi");
        values.put("taxNumber", vergiKimlikNo(SERIAL.incrementAndGet()));
        values.put("phone", phone(SERIAL.get()));
        values.put("district", "KARTEPE");
        values.put("neighbourhood", "Maşukiye");
        values.put("productCategories", List.of("FOOD", "COSMETICS"));
        values.put("foodRegistrationNo", "TR-41-K-012345");
        values.put("productionPlace", "Kooperatifin Maşukiye'deki mutfağı.");
        values.put("salesChannel", "ONLINE_SHOP");
        values.put("womensCooperative", "Çınar Kadın Kooperatifi");
        values.put("kvkkConsent", true);
        return values;
    }

    /** A mobile number ending in the serial's last four digits. */
    static String phone(int serial) {
        return "0532" + String.format("%07d", serial % 10_000_000);
    }

    public static String lastFourOfPhone(Map<String, Object> values) {
        String phone = (String) values.get("phone");
        return phone.substring(phone.length() - 4);
    }

    /** A valid tax number: 9 followed by the serial (8 digits) and the check digit. */
    public static String vergiKimlikNo(int serial) {
        return vergiKimlikNo(9, serial);
    }

    /** A valid tax number: the kind (first digit), the serial (8 digits) and the check digit. */
    public static String vergiKimlikNo(int kind, int serial) {
        return IdentityNumbers.vergiKimlikNo(kind, serial);
    }
}
