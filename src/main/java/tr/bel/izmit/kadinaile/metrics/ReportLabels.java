package tr.bel.izmit.kadinaile.metrics;

import java.util.Map;

/**
 * Turkish labels of the figures' names in the report and on the dashboard (the record components of the
 * contributed sections and the sections' names), for the generic layout of a {@link ReportSection} and for the
 * sections' own tables.
 */
public final class ReportLabels {

    /** Turkish labels of the figures' names (record components of the report sections and the microcredit figures). */
    private static final Map<String, String> LABELS = Map.ofEntries(
        Map.entry("applications", "Başvuru"),
        Map.entry("approved", "Onaylanan"),
        Map.entry("rejected", "Reddedilen"),
        Map.entry("withdrawn", "Geri çekilen"),
        Map.entry("ineligible", "Uygun olmayan"),
        Map.entry("amountRequested", "Talep edilen tutar (TL)"),
        Map.entry("amountApproved", "Onaylanan tutar (TL)"),
        Map.entry("amountDisbursed", "Ödenen tutar (TL)"),
        Map.entry("repaidAmount", "Geri ödenen tutar (TL)"),
        Map.entry("overdueAmount", "Vadesi geçmiş tutar (TL)"),
        Map.entry("activeLoans", "Aktif kredi"),
        Map.entry("overdueInstallments", "Vadesi geçmiş taksit"),
        Map.entry("enrolled", "Kayıt olan"),
        Map.entry("waitlisted", "Yedek listede"),
        Map.entry("completed", "Tamamlayan"),
        Map.entry("certificates", "Sertifika"),
        Map.entry("activeCentres", "Aktif kurs merkezi"),
        Map.entry("instructors", "Usta öğretici"),
        Map.entry("fillRateByCentre", "Merkezlere göre doluluk oranı"),
        Map.entry("waitlistLength", "Yedek liste uzunluğu"),
        Map.entry("applicationsFromIzmit", "İzmit'ten başvuru"),
        Map.entry("applicationsFromOtherDistricts", "Diğer ilçelerden başvuru"),
        Map.entry("shopsOpened", "Açılan dükkân"),
        Map.entry("orders", "Sipariş"),
        Map.entry("standsByLocation", "Yerlere göre stant (üretici sayısı)"),
        Map.entry("applicationsByDistrict", "İlçelere göre başvuru"),
        Map.entry("courses", "İZMEK kursları"),
        Map.entry("microcredit", "İZGİM faizsiz mikrokredi"),
        Map.entry("producers", "Üreticiler (İzmit Çarşısı ve stantlar)"));
    private ReportLabels() {
    }

    /** The label of a figure or section name; the name itself when it has none. */
    public static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }
}
