package tr.bel.izmit.kadinaile.metrics;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics.Bucket;

/**
 * The dashboard as tables in Turkish: what the page shows, what its script draws as charts and what the CSV
 * downloads hold, from one source. Report sections contributed later (courses, producers) are laid out
 * generically: their number fields become one table, each {@code Map<String, Number>} field a table with a
 * bar chart.
 */
@Component
class DashboardTables {

    /**
     * One table; {@code chart} is {@code bar}, {@code line} or null (table only), drawn with the first column as
     * labels and the columns {@code series} as values.
     */
    record Table(String id, String title, List<String> columns, List<List<Object>> rows, String chart, List<Integer> series) {

        Table(String id, String title, List<String> columns, List<List<Object>> rows, String chart) {
            this(id, title, columns, rows, chart, chart == null ? List.of() : List.of(1));
        }
    }

    /** Turkish labels of the figures' names (record components of the report sections and the microcredit figures). */
    static final Map<String, String> LABELS = Map.ofEntries(
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
        Map.entry("producers", "Üreticiler (İzmit Çarşısı ve stantlar)"),
        Map.entry("CRITICAL", "Kritik"),
        Map.entry("HIGH", "Yüksek"),
        Map.entry("MEDIUM", "Orta"),
        Map.entry("LOW", "Düşük"),
        Map.entry("CLOSED", "Kapanan vaka"),
        Map.entry("POLICE", "Kolluk"),
        Map.entry("SONIM", "ŞÖNİM"),
        Map.entry("SHELTER", "Kadın konukevi"),
        Map.entry("PSYCHOLOGICAL", "Psikolojik destek"),
        Map.entry("LEGAL_AID", "Hukuki destek"),
        Map.entry("SOCIAL_ASSISTANCE", "Sosyal yardım"));

    static final String SUPPRESSED = "<5";

    private final ObjectMapper json;

    DashboardTables(ObjectMapper json) {
        this.json = json;
    }

    static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }

    List<Table> tables(Dashboard.View view) {
        List<Table> tables = new ArrayList<>();
        List<List<Object>> processRows = new ArrayList<>();
        view.processes().forEach(process -> processRows.add(List.of(process.name(), process.started(), process.inProgress(),
            process.completed(), orDash(process.approvalRatePercent()), orDash(process.medianCycleTimeHours()),
            orDash(process.p90CycleTimeHours()))));
        tables.add(new Table("surecler", "Süreçler", List.of("Süreç", "Başlatılan", "Devam eden", "Tamamlanan",
            "Onay oranı (%)", "Ortanca süre (saat)", "%90 süre (saat)"), processRows, "bar", List.of(1, 2, 3)));
        for (Dashboard.ProcessFigures process : view.processes()) {
            List<List<Object>> outcomeRows = new ArrayList<>();
            process.outcomes().forEach(outcome -> outcomeRows.add(List.of(outcome.name(), outcome.count())));
            tables.add(new Table("sonuclar-" + process.processKey(), process.name() + " — tamamlananlar, sonuca göre",
                List.of("Sonuç", "Süreç sayısı"), outcomeRows, "bar"));
            List<List<Object>> weekRows = new ArrayList<>();
            process.weeklyTrend().forEach(week -> weekRows.add(List.of(TurkishFormats.DATE.format(week.weekStart()),
                week.started(), week.completed())));
            tables.add(new Table("egilim-" + process.processKey(), process.name() + " — haftalık eğilim",
                List.of("Hafta (pazartesi)", "Başlatılan", "Tamamlanan"), weekRows, "line", List.of(1, 2)));
        }
        List<List<Object>> workRows = new ArrayList<>();
        view.work().forEach(group -> workRows.add(List.of(group.groupName(), group.openTasks(), orDash(group.oldestAgeDays()),
            group.pastDue())));
        tables.add(new Table("isler", "Açık işler, gruba göre", List.of("Grup", "Açık görev", "En eski görevin yaşı (gün)",
            "Süresi geçen"), workRows, "bar", List.of(1, 3)));
        List<List<Object>> incidentRows = new ArrayList<>();
        view.incidents().forEach(incident -> incidentRows.add(List.of(incident.name(), incident.openIncidents())));
        tables.add(new Table("olaylar", "Açık olaylar (incident), sürece göre", List.of("Süreç", "Açık olay"), incidentRows, null));

        tables.add(figures("mikrokredi", "İZGİM mikrokredi tutarları (TL)", Map.of(
            "amountRequested", view.microcredit().amountRequested(), "amountApproved", view.microcredit().amountApproved(),
            "amountDisbursed", view.microcredit().amountDisbursed(), "repaidAmount", view.microcredit().repaidAmount(),
            "overdueAmount", view.microcredit().overdueAmount()),
            List.of("amountRequested", "amountApproved", "amountDisbursed", "repaidAmount", "overdueAmount"), "bar"));

        view.sections().forEach((name, figures) -> tables.addAll(section(name, figures)));

        Dashboard.ViolenceLine violence = view.violenceLine();
        List<List<Object>> violenceRows = new ArrayList<>();
        violenceRows.add(row("Açık görev", violence.openTasks()));
        violenceRows.add(row("Süresi geçmiş görev", violence.pastDueTasks()));
        violenceRows.add(row("15 dakikada verilemeyen acil müdahale", violence.emergencyResponseLate()));
        violenceRows.add(row("Süresinde yanıtlanmayan yönlendirme (SLA aşımı)", violence.referralSlaBreached()));
        violenceRows.add(row("Açık olay (incident)", violence.openIncidents()));
        violenceRows.addAll(violenceStatistics(violence.statistics()));
        tables.add(new Table("siddet-hatti", VIOLENCE_TITLE, List.of("Gösterge", "Sayı"), violenceRows, null));
        return tables;
    }

    /** The activity report as tables for its printable page. */
    List<Table> reportTables(ActivityReport.Report report) {
        List<Table> tables = new ArrayList<>();
        tables.addAll(section("microcredit", report.microcredit()));
        if (report.courses() != null) {
            tables.addAll(section("courses", report.courses()));
        }
        if (report.producers() != null) {
            tables.addAll(section("producers", report.producers()));
        }
        tables.add(new Table("siddet-hatti", VIOLENCE_TITLE, List.of("Gösterge", "Sayı"),
            violenceStatistics(report.violenceLine()), null));
        return tables;
    }

    static final String VIOLENCE_TITLE = "Şiddet Acil Yardım Hattı (yalnızca toplamlar; 5'ten küçük sayılar gösterilmez)";

    private static List<List<Object>> violenceStatistics(ViolenceLineStatistics.Report statistics) {
        List<List<Object>> violenceRows = new ArrayList<>();
        statistics.casesByRiskLevel().forEach(bucket -> violenceRows.add(row("Vaka, risk düzeyi: " + label(bucket.key()), bucket)));
        statistics.referralsByType().forEach(bucket -> violenceRows.add(row("Yönlendirme türü: " + label(bucket.key()), bucket)));
        statistics.referralsByRiskLevel().forEach(bucket ->
            violenceRows.add(row("Yönlendirme, risk düzeyi: " + label(bucket.key()), bucket)));
        violenceRows.add(row("Kapanan vaka", statistics.casesClosed()));
        statistics.closedCasesByOutcome().forEach(bucket -> violenceRows.add(row("Kapanış sonucu: " + bucket.key(), bucket)));
        return violenceRows;
    }

    Optional<Table> table(Dashboard.View view, String id) {
        return tables(view).stream().filter(table -> table.id().equals(id)).findFirst();
    }

    /** A table as CSV for Excel: UTF-8 with a byte-order mark (Turkish letters), semicolons, decimal commas. */
    static byte[] csv(Table table) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                printer.printRecord(row.stream().map(DashboardTables::csvValue).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String csvValue(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', ',');
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString().replace('.', ',');
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private List<Table> section(String name, Object figures) {
        List<Table> tables = new ArrayList<>();
        if (figures == null) {
            return tables;
        }
        Map<String, Object> fields = json.convertValue(figures, LinkedHashMap.class);
        List<List<Object>> numbers = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (value instanceof Number number) {
                numbers.add(List.of(label(field), number));
            } else if (value instanceof Map<?, ?> map) {
                List<List<Object>> rows = new ArrayList<>();
                ((Map<String, Object>) map).forEach((key, count) -> rows.add(List.of(key, count == null ? "—" : count)));
                tables.add(new Table("bolum-" + name + "-" + field, label(name) + " — " + label(field),
                    List.of("", "Değer"), rows, "bar"));
            }
        });
        tables.add(0, new Table("bolum-" + name, label(name), List.of("Gösterge", "Değer"), numbers, null));
        return tables;
    }

    private static Table figures(String id, String title, Map<String, Object> values, List<String> order, String chart) {
        List<List<Object>> rows = new ArrayList<>();
        order.forEach(name -> rows.add(List.of(label(name), values.get(name))));
        return new Table(id, title, List.of("Gösterge", "Tutar (TL)"), rows, chart);
    }

    private static List<Object> row(String label, Bucket bucket) {
        return List.of(label, bucket.suppressed() ? SUPPRESSED : bucket.count());
    }

    private static Object orDash(Object value) {
        return value == null ? "—" : value;
    }
}
