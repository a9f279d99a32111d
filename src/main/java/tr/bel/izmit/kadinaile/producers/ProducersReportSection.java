package tr.bel.izmit.kadinaile.producers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.KocaeliDistrict;
import tr.bel.izmit.kadinaile.metrics.ReportSection;

/**
 * The {@code producers} section of the activity report: applications submitted in the period (from İzmit and from
 * the other districts), shops opened, orders placed, distinct producers with a confirmed stand per location, and
 * applications per district.
 */
@Component
@Transactional(readOnly = true)
class ProducersReportSection implements ReportSection {

    private final JdbcTemplate jdbc;

    ProducersReportSection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param standsByLocation location name → distinct producers with a confirmed stand in the period, every location in
     *     its display order
     * @param applicationsByDistrict district name → applications, all twelve districts in alphabetical order
     */
    public record ProducerFigures(long applications, long applicationsFromIzmit, long applicationsFromOtherDistricts, long shopsOpened,
            long orders, Map<String, Long> standsByLocation, Map<String, Long> applicationsByDistrict) {
    }

    @Override
    public String name() {
        return "producers";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ProducerFigures figures(LocalDate from, LocalDate to) {
        Timestamp start = startOf(from);
        Timestamp end = startOf(to.plusDays(1));
        Map<String, Long> perDistrict = new LinkedHashMap<>();
        for (KocaeliDistrict district : KocaeliDistrict.values()) {
            perDistrict.put(district.displayName(), 0L);
        }
        jdbc.query("select district, count(*) as n from pr_producer where submitted_at >= ? and submitted_at < ? group by district",
            rs -> {
                long n = rs.getLong("n");
                KocaeliDistrict.byCode(rs.getString("district")).ifPresent(d -> perDistrict.put(d.displayName(), n));
            }, start, end);
        long applications = perDistrict.values().stream().mapToLong(Long::longValue).sum();
        long fromIzmit = perDistrict.get(KocaeliDistrict.IZMIT.displayName());
        long shops = count("select count(*) from pr_producer where shop_opened_at >= ? and shop_opened_at < ?", start, end);
        long orders = count("select count(*) from pr_order where ordered_at >= ? and ordered_at < ?", start, end);
        Map<String, Long> stands = new LinkedHashMap<>();
        jdbc.query("select l.name, (select count(distinct r.producer_id) from st_request r where r.location_code = l.code "
                + "and r.status = 'CONFIRMED' and r.stand_date >= ? and r.stand_date <= ?) as producers "
                + "from st_location l order by l.display_order",
            rs -> {
                stands.put(rs.getString("name"), rs.getLong("producers"));
            }, Date.valueOf(from), Date.valueOf(to));
        return new ProducerFigures(applications, fromIzmit, applications - fromIzmit, shops, orders, stands, perDistrict);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }
}
