package tr.bel.izmit.kadinaile.producers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
        values.put("tcKimlikNo", tcKimlikNo(SERIAL.incrementAndGet()));
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

    /** A valid T.C. Kimlik No whose first nine digits are 8 followed by the serial (8 digits). */
    public static String tcKimlikNo(int serial) {
        String nine = "8" + String.format("%08d", serial % 100_000_000);
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

    /** A valid tax number: 9 followed by the serial (8 digits) and the check digit. */
    public static String vergiKimlikNo(int serial) {
        return vergiKimlikNo(9, serial);
    }

    /** A valid tax number: the kind (first digit), the serial (8 digits) and the check digit. */
    public static String vergiKimlikNo(int kind, int serial) {
        String nine = kind + String.format("%08d", serial % 100_000_000);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int t = (nine.charAt(i) - '0' + 9 - i) % 10;
            int p = (t * (1 << (9 - i))) % 9;
            sum += (t != 0 && p == 0) ? 9 : p;
        }
        return nine + (10 - sum % 10) % 10;
    }
}
