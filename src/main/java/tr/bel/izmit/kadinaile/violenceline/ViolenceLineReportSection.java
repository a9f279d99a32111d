package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.metrics.DashboardSummary;
import tr.bel.izmit.kadinaile.metrics.ProcessCounts;
import tr.bel.izmit.kadinaile.metrics.ReportSection;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics.Bucket;

/**
 * The violence line in the activity report and on the dashboard ({@code violenceLine}), counts only, each
 * suppressed below {@link ViolenceLineStatistics#SUPPRESS_BELOW}: in the report its anonymous statistics of the
 * period; on the dashboard also its open and past-due tasks now, its SLA breaches in the period (the boundary
 * timers that fired in it) and its open incidents. The process itself is confidential, so the dashboard leaves it
 * out of every other table.
 */
@Component
public class ViolenceLineReportSection implements ReportSection {

    /** Boundary timers of the SLAs (element ids of {@code bpmn/violence-line-referral.bpmn}). */
    public static final String EMERGENCY_OVERDUE = "Event_EmergencyOverdue";
    public static final String REFERRAL_SLA_BREACHED = "Event_ReferralSlaBreached";
    static final String TITLE = Texts.get("violenceline.report.title");
    static final String SUPPRESSED = "<5";

    private final ViolenceLineStatistics statistics;
    private final ProcessCounts counts;

    public ViolenceLineReportSection(ViolenceLineStatistics statistics, ProcessCounts counts) {
        this.statistics = statistics;
        this.counts = counts;
    }

    /**
     * The line on the dashboard: its open and past-due tasks now, its SLA breaches in the period (emergency
     * response later than 15 minutes, referrals not answered in their SLA), its open incidents, and the anonymous
     * statistics of the period.
     */
    public record DashboardFigures(Bucket openTasks, Bucket pastDueTasks, Bucket emergencyResponseLate,
            Bucket referralSlaBreached, Bucket openIncidents, ViolenceLineStatistics.Report statistics, int suppressBelow) {
    }

    @Override
    public String name() {
        return "violenceLine";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Set<String> aggregateOnlyProcesses() {
        return Set.of(ViolenceLineProcess.KEY);
    }

    @Override
    public boolean ownDashboardField() {
        return true;
    }

    @Override
    public ViolenceLineStatistics.Report figures(LocalDate from, LocalDate to) {
        return statistics.report(from, to);
    }

    @Override
    public DashboardFigures dashboardFigures(LocalDate from, LocalDate to, Instant now) {
        ProcessCounts.OpenTasks tasks = counts.openTasks(ViolenceLineProcess.KEY, now);
        Map<String, Integer> breaches = counts.activitiesEnded(ViolenceLineProcess.KEY,
            Set.of(EMERGENCY_OVERDUE, REFERRAL_SLA_BREACHED), from, to);
        return new DashboardFigures(
            Bucket.of("openTasks", tasks.open()),
            Bucket.of("pastDueTasks", tasks.pastDue()),
            Bucket.of("emergencyResponseLate", breaches.get(EMERGENCY_OVERDUE)),
            Bucket.of("referralSlaBreached", breaches.get(REFERRAL_SLA_BREACHED)),
            Bucket.of("openIncidents", counts.openIncidents(ViolenceLineProcess.KEY)),
            statistics.report(from, to),
            ViolenceLineStatistics.SUPPRESS_BELOW);
    }

    @Override
    public Table reportTable(Object figures) {
        return table(statisticsRows((ViolenceLineStatistics.Report) figures));
    }

    @Override
    public Table dashboardTable(Object figures) {
        DashboardFigures violence = (DashboardFigures) figures;
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(Texts.get("violenceline.report.open-tasks"), violence.openTasks()));
        rows.add(row(Texts.get("violenceline.report.past-due-tasks"), violence.pastDueTasks()));
        rows.add(row(Texts.get("violenceline.report.emergency-response-late"), violence.emergencyResponseLate()));
        rows.add(row(Texts.get("violenceline.report.referral-sla-breached"), violence.referralSlaBreached()));
        rows.add(row(Texts.get("violenceline.report.open-incidents"), violence.openIncidents()));
        rows.addAll(statisticsRows(violence.statistics()));
        return table(rows);
    }

    /**
     * The line's alerts at the top of the dashboard: SLA breaches of the period, past-due tasks and open incidents
     * now, each only when there is one, counted as the table shows them ("<5" below five).
     */
    @Override
    public List<DashboardSummary.Alert> dashboardAlerts(Object figures) {
        DashboardFigures violence = (DashboardFigures) figures;
        List<DashboardSummary.Alert> alerts = new ArrayList<>();
        alert(alerts, "siddet-hatti-acil", "violenceline.report.emergency-response-late", violence.emergencyResponseLate());
        alert(alerts, "siddet-hatti-sla", "violenceline.report.referral-sla-breached", violence.referralSlaBreached());
        alert(alerts, "siddet-hatti-gecikmis", "violenceline.report.past-due-tasks", violence.pastDueTasks());
        alert(alerts, "siddet-hatti-olaylar", "violenceline.report.open-incidents", violence.openIncidents());
        return alerts;
    }

    private static void alert(List<DashboardSummary.Alert> alerts, String id, String title, Bucket bucket) {
        if (bucket.suppressed() || bucket.count() > 0) {
            alerts.add(new DashboardSummary.Alert(id, Texts.get("metrics.dashboard.alert.violence-line", Texts.get(title)),
                bucket.suppressed() ? SUPPRESSED : String.valueOf(bucket.count()), DashboardSummary.Unit.COUNT, null,
                "#siddet-hatti"));
        }
    }

    private static Table table(List<List<Object>> rows) {
        return new Table("siddet-hatti", TITLE, List.of(Texts.get("violenceline.report.column.indicator"), Texts.get("violenceline.report.column.count")), rows, null);
    }

    private static List<List<Object>> statisticsRows(ViolenceLineStatistics.Report statistics) {
        List<List<Object>> rows = new ArrayList<>();
        statistics.casesByRiskLevel().forEach(bucket -> rows.add(row(Texts.get("violenceline.report.cases-by-risk-level", label(bucket.key())), bucket)));
        statistics.referralsByType().forEach(bucket -> rows.add(row(Texts.get("violenceline.report.referrals-by-type", label(bucket.key())), bucket)));
        statistics.referralsByRiskLevel().forEach(bucket ->
            rows.add(row(Texts.get("violenceline.report.referrals-by-risk-level", label(bucket.key())), bucket)));
        rows.add(row(label("CLOSED"), statistics.casesClosed()));
        statistics.closedCasesByOutcome().forEach(bucket -> rows.add(row(Texts.get("violenceline.report.cases-by-outcome", bucket.key()), bucket)));
        return rows;
    }

    private static String label(String key) {
        return Texts.find("violenceline.report.label." + key).orElse(key);
    }

    private static List<Object> row(String label, Bucket bucket) {
        return List.of(label, bucket.suppressed() ? SUPPRESSED : bucket.count());
    }
}
