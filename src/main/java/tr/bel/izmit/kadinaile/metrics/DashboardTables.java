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

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;

/**
 * The dashboard as tables in Turkish: what the page shows, what its script draws as charts and what the CSV
 * downloads hold, from one source. A contributed {@link ReportSection} gives its own table or is laid out
 * generically: its number fields become one table, each {@code Map<String, Number>} field a table with a
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

        static Table of(ReportSection.Table table) {
            return new Table(table.id(), table.title(), table.columns(), table.rows(), table.chart());
        }
    }

    private final ObjectMapper json;

    DashboardTables(ObjectMapper json) {
        this.json = json;
    }

    static String label(String name) {
        return ReportLabels.label(name);
    }

    List<Table> tables(Dashboard.View view) {
        List<Table> tables = new ArrayList<>();
        List<List<Object>> processRows = new ArrayList<>();
        view.processes().forEach(process -> processRows.add(List.of(process.name(), process.started(), process.inProgress(),
            process.completed(), orDash(process.approvalRatePercent()), orDash(process.medianCycleTimeHours()),
            orDash(process.p90CycleTimeHours()))));
        tables.add(new Table("surecler", Texts.get("metrics.dashboard.processes.title"), List.of(Texts.get("metrics.dashboard.column.process"), Texts.get("metrics.dashboard.column.started"), Texts.get("metrics.dashboard.column.in-progress"),
            Texts.get("metrics.dashboard.column.completed"), Texts.get("metrics.dashboard.column.approval-rate"), Texts.get("metrics.dashboard.column.median-hours"), Texts.get("metrics.dashboard.column.p90-hours")), processRows, "bar", List.of(1, 2, 3)));
        for (Dashboard.ProcessFigures process : view.processes()) {
            List<List<Object>> outcomeRows = new ArrayList<>();
            process.outcomes().forEach(outcome -> outcomeRows.add(List.of(outcome.name(), outcome.count())));
            tables.add(new Table("sonuclar-" + process.processKey(), Texts.get("metrics.dashboard.outcomes.title", process.name()),
                List.of(Texts.get("metrics.dashboard.column.outcome"), Texts.get("metrics.dashboard.column.process-count")), outcomeRows, "bar"));
            List<List<Object>> weekRows = new ArrayList<>();
            process.weeklyTrend().forEach(week -> weekRows.add(List.of(TurkishFormats.DATE.format(week.weekStart()),
                week.started(), week.completed())));
            tables.add(new Table("egilim-" + process.processKey(), Texts.get("metrics.dashboard.trend.title", process.name()),
                List.of(Texts.get("metrics.dashboard.column.week"), Texts.get("metrics.dashboard.column.started"), Texts.get("metrics.dashboard.column.completed")), weekRows, "line", List.of(1, 2)));
        }
        List<List<Object>> workRows = new ArrayList<>();
        view.work().forEach(group -> workRows.add(List.of(group.groupName(), group.openTasks(), orDash(group.oldestAgeDays()),
            group.pastDue())));
        tables.add(new Table("isler", Texts.get("metrics.dashboard.work.title"), List.of(Texts.get("metrics.dashboard.column.group"), Texts.get("metrics.dashboard.column.open-tasks"), Texts.get("metrics.dashboard.column.oldest-age-days"),
            Texts.get("metrics.dashboard.column.past-due")), workRows, "bar", List.of(1, 3)));
        List<List<Object>> incidentRows = new ArrayList<>();
        view.incidents().forEach(incident -> incidentRows.add(List.of(incident.name(), incident.openIncidents())));
        tables.add(new Table("olaylar", Texts.get("metrics.dashboard.incidents.title"), List.of(Texts.get("metrics.dashboard.column.process"), Texts.get("metrics.dashboard.column.open-incidents")), incidentRows, null));

        view.parts().forEach(part -> {
            ReportSection.Table own = part.figures() == null ? null : part.section().dashboardTable(part.figures());
            if (own != null) {
                tables.add(Table.of(own));
            } else {
                tables.addAll(section(part.name(), part.figures()));
            }
        });
        return tables;
    }

    /** The activity report as tables for its printable page. */
    List<Table> reportTables(ActivityReport.Report report) {
        List<Table> tables = new ArrayList<>();
        report.parts().forEach(part -> {
            ReportSection.Table own = part.figures() == null ? null : part.section().reportTable(part.figures());
            if (own != null) {
                tables.add(Table.of(own));
            } else {
                tables.addAll(section(part.name(), part.figures()));
            }
        });
        return tables;
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
                numbers.add(List.of(withUnit(label(field), field), number));
            } else if (value instanceof Map<?, ?> map) {
                List<List<Object>> rows = new ArrayList<>();
                ((Map<String, Object>) map).forEach((key, count) -> rows.add(List.of(key, count == null ? "—" : count)));
                tables.add(new Table("bolum-" + name + "-" + field, label(name) + " — " + label(field),
                    List.of("", Texts.get("metrics.dashboard.column.value") + " (" + unit(field).text() + ")"), rows, "bar"));
            }
        });
        tables.add(0, new Table("bolum-" + name, label(name), List.of(Texts.get("metrics.dashboard.column.indicator"), Texts.get("metrics.dashboard.column.value")), numbers, null));
        return tables;
    }

    /** A figure's label with its unit, unless the label names one already ("Talep edilen tutar (TL)"). */
    static String withUnit(String label, String field) {
        for (DashboardSummary.Unit unit : DashboardSummary.Unit.values()) {
            if (label.endsWith("(" + unit.text() + ")")) {
                return label;
            }
        }
        return label + " (" + unit(field).text() + ")";
    }

    /**
     * The unit of a contributed figure by its field name: rates and percentages in %, amounts in TL, days and hours
     * by their names, everything else a count.
     */
    static DashboardSummary.Unit unit(String field) {
        String name = field.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("rate") || name.contains("percent")) {
            return DashboardSummary.Unit.PERCENT;
        }
        if (name.contains("amount") || name.endsWith("tl")) {
            return DashboardSummary.Unit.MONEY;
        }
        if (name.endsWith("days")) {
            return DashboardSummary.Unit.DAYS;
        }
        if (name.endsWith("hours")) {
            return DashboardSummary.Unit.HOURS;
        }
        return DashboardSummary.Unit.COUNT;
    }

    private static Object orDash(Object value) {
        return value == null ? "—" : value;
    }
}
