package tr.bel.izmit.kadinaile.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A section of the activity report and the managers' dashboard contributed by a capability (microcredit, courses,
 * producers, the violence line ...), one bean each in the capability's own package, so neither the report nor the
 * dashboard names a capability and a process that lands needs no change here. Sections appear in {@link #order()};
 * a section whose figures are null is reported as null and listed in the report's {@code notYetAvailable}.
 */
public interface ReportSection {

    /** The section's name in the report's JSON: {@code microcredit}, {@code courses} ... */
    String name();

    /**
     * The section's figures over a period, days in Turkish time with both ends included; a record that
     * serialises to JSON, or null while the capability has nothing to report yet.
     */
    Object figures(LocalDate from, LocalDate to);

    /**
     * Processes the section shows only as aggregates (a confidential process): the dashboard leaves them out of its
     * per-process, work and incident tables, and the section's own figures are all it shows of them.
     */
    default Set<String> aggregateOnlyProcesses() {
        return Set.of();
    }

    /** Where the section stands in the report and on the dashboard (lower first). */
    default int order() {
        return 100;
    }

    /**
     * Whether the dashboard shows the section as a field of its own, named {@link #name()}, rather than inside its
     * {@code sections}.
     */
    default boolean ownDashboardField() {
        return false;
    }

    /** The section's figures on the dashboard, where they may add what stands now (open work) to the period's. */
    default Object dashboardFigures(LocalDate from, LocalDate to, Instant now) {
        return figures(from, to);
    }

    /** The section's own table in the printed report; null: laid out from its figures' fields. */
    default Table reportTable(Object figures) {
        return null;
    }

    /** The section's own table on the dashboard; null: laid out from its figures' fields. */
    default Table dashboardTable(Object dashboardFigures) {
        return reportTable(dashboardFigures);
    }

    /**
     * What the section raises at the top of the dashboard (an SLA breached, ...), counted as the section shows its
     * figures (a confidential section keeps its suppression of small counts); none by default.
     */
    default List<DashboardSummary.Alert> dashboardAlerts(Object dashboardFigures) {
        return List.of();
    }

    /**
     * A table in Turkish; {@code chart} is {@code bar}, {@code line} or null (table only), drawn with the first
     * column as labels and the second as values.
     */
    record Table(String id, String title, List<String> columns, List<List<Object>> rows, String chart) {
    }
}
