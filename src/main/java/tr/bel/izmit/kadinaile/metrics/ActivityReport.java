package tr.bel.izmit.kadinaile.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineStatistics;

/**
 * The directorate's activity report over a period (days in Turkish time, both ends included), in the spirit
 * of the year-end press report. Microcredit figures come from our own tables with one aggregate query each;
 * violence-line figures are the anonymous aggregates of {@link ViolenceLineStatistics} (small counts
 * suppressed). Services without a process yet are reported as not available rather than as zeros.
 */
@Service
@Transactional(readOnly = true)
public class ActivityReport {

    /** Sections contributed by the capabilities as {@link ReportSection} beans. */
    public static final List<String> SECTIONS = List.of("courses", "producers");

    private static final String APPROVED_STATUSES = "('APPROVED', 'DISBURSED', 'REPAID')";

    private final JdbcTemplate jdbc;
    private final ViolenceLineStatistics violenceLine;
    private final Map<String, ReportSection> sections;

    ActivityReport(JdbcTemplate jdbc, ViolenceLineStatistics violenceLine, List<ReportSection> sections) {
        this.jdbc = jdbc;
        this.violenceLine = violenceLine;
        this.sections = sections.stream().collect(Collectors.toMap(ReportSection::name, Function.identity()));
    }

    /**
     * Microcredit figures. Application counts are over the applications submitted in the period, by where
     * they stand now; approved ones include those already disbursed or repaid. Money moved in the period:
     * disbursed (payment orders) and repaid (installments paid). State at the end of the period: loans
     * disbursed and not closed, installments due and not paid (their number and their amount).
     */
    public record Microcredit(long applications, long approved, long rejected, long withdrawn, long ineligible,
            BigDecimal amountRequested, BigDecimal amountApproved, BigDecimal amountDisbursed, long activeLoans,
            long overdueInstallments, BigDecimal repaidAmount, BigDecimal overdueAmount) {
    }

    /** {@code courses} and {@code producers} stay null until their processes exist (listed in {@code notYetAvailable}). */
    public record Report(LocalDate from, LocalDate to, Microcredit microcredit, Object courses, Object producers,
            ViolenceLineStatistics.Report violenceLine, List<String> notYetAvailable) {
    }

    public Report report(LocalDate from, LocalDate to) {
        List<String> missing = SECTIONS.stream().filter(name -> !sections.containsKey(name)).toList();
        return new Report(from, to, microcredit(from, to), section("courses", from, to), section("producers", from, to),
            violenceLine.report(from, to), missing);
    }

    /** The contributed sections' figures by section name, in the order of {@link #SECTIONS}; missing ones left out. */
    Map<String, Object> sections(LocalDate from, LocalDate to) {
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        SECTIONS.stream().filter(sections::containsKey).forEach(name -> figures.put(name, section(name, from, to)));
        return figures;
    }

    List<String> notYetAvailable() {
        return SECTIONS.stream().filter(name -> !sections.containsKey(name)).toList();
    }

    private Object section(String name, LocalDate from, LocalDate to) {
        ReportSection section = sections.get(name);
        return section == null ? null : section.figures(from, to);
    }

    Microcredit microcredit(LocalDate from, LocalDate to) {
        Timestamp start = startOf(from);
        Timestamp end = startOf(to.plusDays(1));
        Microcredit applications = jdbc.queryForObject("select count(*) as n, "
                + "sum(case when status in " + APPROVED_STATUSES + " then 1 else 0 end) as approved, "
                + "sum(case when status = 'REJECTED' then 1 else 0 end) as rejected, "
                + "sum(case when status = 'WITHDRAWN' then 1 else 0 end) as withdrawn, "
                + "sum(case when status = 'INELIGIBLE' then 1 else 0 end) as ineligible, "
                + "sum(requested_amount) as requested, "
                + "sum(case when status in " + APPROVED_STATUSES + " then approved_amount else 0 end) as approved_amount "
                + "from mc_application where submitted_at >= ? and submitted_at < ?",
            (rs, row) -> new Microcredit(rs.getLong("n"), rs.getLong("approved"), rs.getLong("rejected"),
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
        return new Microcredit(applications.applications(), applications.approved(), applications.rejected(),
            applications.withdrawn(), applications.ineligible(), applications.amountRequested(),
            applications.amountApproved(), money(disbursed), activeLoans == null ? 0 : activeLoans,
            ((Number) overdue.get("n")).longValue(), money(repaid), money((BigDecimal) overdue.get("amount")));
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
