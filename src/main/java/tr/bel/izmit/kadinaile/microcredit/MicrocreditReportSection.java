package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.metrics.ReportLabels;
import tr.bel.izmit.kadinaile.metrics.ReportSection;

/**
 * The microcredit figures of the activity report, from our own tables with one aggregate query each; on the
 * dashboard a field of their own ({@code microcredit}) with a table of the amounts.
 */
@Component
@Transactional(readOnly = true)
class MicrocreditReportSection implements ReportSection {

    private static final String APPROVED_STATUSES = "('APPROVED', 'DISBURSED', 'REPAID')";
    private static final List<String> AMOUNTS = List.of("amountRequested", "amountApproved", "amountDisbursed", "repaidAmount",
        "overdueAmount");

    private final JdbcTemplate jdbc;

    MicrocreditReportSection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Application counts are over the applications submitted in the period, by where they stand now; approved
     * ones include those already disbursed or repaid. Money moved in the period: disbursed (payment orders) and
     * repaid (installments paid). State at the end of the period: loans disbursed and not closed, installments due
     * and not paid (their number and their amount).
     */
    record Figures(long applications, long approved, long rejected, long withdrawn, long ineligible,
            BigDecimal amountRequested, BigDecimal amountApproved, BigDecimal amountDisbursed, long activeLoans,
            long overdueInstallments, BigDecimal repaidAmount, BigDecimal overdueAmount) {
    }

    @Override
    public String name() {
        return "microcredit";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean ownDashboardField() {
        return true;
    }

    @Override
    public Figures figures(LocalDate from, LocalDate to) {
        Timestamp start = startOf(from);
        Timestamp end = startOf(to.plusDays(1));
        Figures applications = jdbc.queryForObject("select count(*) as n, "
                + "sum(case when status in " + APPROVED_STATUSES + " then 1 else 0 end) as approved, "
                + "sum(case when status = 'REJECTED' then 1 else 0 end) as rejected, "
                + "sum(case when status = 'WITHDRAWN' then 1 else 0 end) as withdrawn, "
                + "sum(case when status = 'INELIGIBLE' then 1 else 0 end) as ineligible, "
                + "sum(requested_amount) as requested, "
                + "sum(case when status in " + APPROVED_STATUSES + " then approved_amount else 0 end) as approved_amount "
                + "from mc_application where submitted_at >= ? and submitted_at < ?",
            (rs, row) -> new Figures(rs.getLong("n"), rs.getLong("approved"), rs.getLong("rejected"),
                rs.getLong("withdrawn"), rs.getLong("ineligible"), money(rs.getBigDecimal("requested")),
                money(rs.getBigDecimal("approved_amount")), null, 0, 0, null, null),
            start, end);
        BigDecimal disbursed = jdbc.queryForObject(
            "select sum(amount) from mc_disbursement where created_at >= ? and created_at < ?", BigDecimal.class, start, end);
        Long activeLoans = jdbc.queryForObject(
            "select count(*) from mc_loan where disbursed_on <= ? and (closed_at is null or closed_at >= ?)",
            Long.class, Date.valueOf(to), end);
        Map<String, Object> overdue = jdbc.queryForMap(
            "select count(*) as n, sum(amount) as amount from mc_installment where due_date <= ? and (paid_at is null or paid_at >= ?)",
            Date.valueOf(to), end);
        BigDecimal repaid = jdbc.queryForObject(
            "select sum(amount) from mc_installment where paid_at >= ? and paid_at < ?", BigDecimal.class, start, end);
        return new Figures(applications.applications(), applications.approved(), applications.rejected(),
            applications.withdrawn(), applications.ineligible(), applications.amountRequested(),
            applications.amountApproved(), money(disbursed), activeLoans == null ? 0 : activeLoans,
            ((Number) overdue.get("n")).longValue(), money(repaid), money((BigDecimal) overdue.get("amount")));
    }

    /** On the dashboard: the amounts of money, as a bar chart. */
    @Override
    public Table dashboardTable(Object figures) {
        Figures microcredit = (Figures) figures;
        Map<String, BigDecimal> values = Map.of("amountRequested", microcredit.amountRequested(),
            "amountApproved", microcredit.amountApproved(), "amountDisbursed", microcredit.amountDisbursed(),
            "repaidAmount", microcredit.repaidAmount(), "overdueAmount", microcredit.overdueAmount());
        List<List<Object>> rows = new ArrayList<>();
        AMOUNTS.forEach(name -> rows.add(List.of(ReportLabels.label(name), values.get(name))));
        return new Table("mikrokredi", Texts.get("microcredit.report.amounts.title"),
            List.of(Texts.get("microcredit.report.column.indicator"), Texts.get("microcredit.report.column.amount")), rows, "bar");
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
