package tr.bel.izmit.kadinaile.izgim.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.metrics.ReportSection;

/**
 * İZGİM's counselling and dietitian services in the activity report and on the dashboard ({@code izgimCounselling}),
 * from the calendar's tables, per service over the period (session days in Turkish time, both ends included):
 * citizens (cases with a session attended), sessions held (attended), no-shows, the no-show rate (no-shows of the
 * sessions recorded) and the median wait from the request of a series to its first session (series whose first
 * session fell in the period). Health data is as sensitive as the violence line's, so every count from 1 to 4 is
 * suppressed ({@value #SUPPRESS_BELOW}), a rate or median over fewer than 5 cases is not shown, and the process is
 * shown only as these aggregates ({@link #aggregateOnlyProcesses()}).
 */
@Component
@Transactional(readOnly = true)
class CounsellingReportSection implements ReportSection {

    static final int SUPPRESS_BELOW = 5;
    /** The counselling process's key (its descriptor is the counselling module's). */
    static final String PROCESS_KEY = "izgim-counselling";
    static final String SUPPRESSED = "<5";

    private final JdbcTemplate jdbc;

    CounsellingReportSection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A count, or {@code suppressed} with no count when it is from 1 to 4. */
    record Count(Integer count, boolean suppressed) {

        static Count of(int count) {
            return count > 0 && count < SUPPRESS_BELOW ? new Count(null, true) : new Count(count, false);
        }

        Object shown() {
            return suppressed ? SUPPRESSED : count;
        }
    }

    /**
     * One service's figures; {@code noShowRatePercent} and {@code medianWaitingDays} are null when fewer than 5
     * sessions or series stand behind them.
     */
    record ServiceFigures(String service, String label, Count citizens, Count sessions, Count noShows, BigDecimal noShowRatePercent,
            BigDecimal medianWaitingDays) {
    }

    record Figures(LocalDate from, LocalDate to, List<ServiceFigures> services, Count citizens, Count sessions, Count waitingNow,
            int suppressBelow) {
    }

    @Override
    public String name() {
        return "izgimCounselling";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Set<String> aggregateOnlyProcesses() {
        return Set.of(PROCESS_KEY);
    }

    @Override
    public Figures figures(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.valueOf(from.atStartOfDay());
        Timestamp end = Timestamp.valueOf(to.plusDays(1).atStartOfDay());
        Map<CounsellingService, int[]> counts = new EnumMap<>(CounsellingService.class);
        jdbc.query("select service, count(distinct case when status = 'ATTENDED' then case_key end) as citizens, "
                + "sum(case when status = 'ATTENDED' then 1 else 0 end) as attended, "
                + "sum(case when status = 'NO_SHOW' then 1 else 0 end) as no_shows "
                + "from izg_session where slot_start >= ? and slot_start < ? group by service",
            rs -> {
                counts.put(CounsellingService.valueOf(rs.getString("service")),
                    new int[] {rs.getInt("citizens"), rs.getInt("attended"), rs.getInt("no_shows")});
            }, start, end);
        Map<CounsellingService, List<Double>> waits = waitingDays(start, end);
        List<ServiceFigures> services = new ArrayList<>();
        for (CounsellingService service : CounsellingService.values()) {
            int[] c = counts.getOrDefault(service, new int[3]);
            int recorded = c[1] + c[2];
            BigDecimal rate = recorded < SUPPRESS_BELOW ? null
                : BigDecimal.valueOf(c[2] * 100L).divide(BigDecimal.valueOf(recorded), 1, RoundingMode.HALF_UP);
            List<Double> days = waits.getOrDefault(service, List.of());
            services.add(new ServiceFigures(service.name(), Texts.get("izgim.calendar.service." + service.name()), Count.of(c[0]),
                Count.of(c[1]), Count.of(c[2]), rate, days.size() < SUPPRESS_BELOW ? null : median(days)));
        }
        Integer citizens = jdbc.queryForObject("select count(distinct case_key) from izg_session where status = 'ATTENDED' "
            + "and slot_start >= ? and slot_start < ?", Integer.class, start, end);
        Integer waiting = jdbc.queryForObject("select count(*) from izg_series where status = 'WAITING'", Integer.class);
        return new Figures(from, to, services, Count.of(citizens == null ? 0 : citizens),
            Count.of(counts.values().stream().mapToInt(c -> c[1]).sum()), Count.of(waiting == null ? 0 : waiting), SUPPRESS_BELOW);
    }

    @Override
    public Table reportTable(Object figures) {
        Figures counselling = (Figures) figures;
        List<List<Object>> rows = new ArrayList<>();
        for (ServiceFigures service : counselling.services()) {
            rows.add(List.of(service.label(), service.citizens().shown(), service.sessions().shown(), service.noShows().shown(),
                service.noShowRatePercent() == null ? "—" : service.noShowRatePercent(),
                service.medianWaitingDays() == null ? "—" : service.medianWaitingDays()));
        }
        rows.add(List.of(Texts.get("izgim.calendar.report.total"), counselling.citizens().shown(), counselling.sessions().shown(),
            "", "", ""));
        rows.add(List.of(Texts.get("izgim.calendar.report.waiting-now"), counselling.waitingNow().shown(), "", "", "", ""));
        return new Table("izgim-danismanlik", Texts.get("izgim.calendar.report.title"), List.of(
            Texts.get("izgim.calendar.report.column.service"), Texts.get("izgim.calendar.report.column.citizens"),
            Texts.get("izgim.calendar.report.column.sessions"), Texts.get("izgim.calendar.report.column.no-shows"),
            Texts.get("izgim.calendar.report.column.no-show-rate"), Texts.get("izgim.calendar.report.column.waiting-days")),
            rows, null);
    }

    /** Days from the request of each series to its first session, for the series whose first session is in the period. */
    private Map<CounsellingService, List<Double>> waitingDays(Timestamp start, Timestamp end) {
        Map<CounsellingService, List<Double>> waits = new EnumMap<>(CounsellingService.class);
        jdbc.query("select r.service, r.requested_at, min(s.slot_start) as first_start from izg_series r "
                + "join izg_session s on s.series_id = r.id and s.status in ('ATTENDED', 'NO_SHOW', 'BOOKED') "
                + "group by r.id, r.service, r.requested_at having min(s.slot_start) >= ? and min(s.slot_start) < ?",
            rs -> {
                LocalDateTime requested = rs.getTimestamp("requested_at").toLocalDateTime();
                LocalDateTime first = rs.getTimestamp("first_start").toLocalDateTime();
                waits.computeIfAbsent(CounsellingService.valueOf(rs.getString("service")), s -> new ArrayList<>())
                    .add(Duration.between(requested, first).toMinutes() / (24.0 * 60));
            }, start, end);
        return waits;
    }

    static BigDecimal median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
    }
}
