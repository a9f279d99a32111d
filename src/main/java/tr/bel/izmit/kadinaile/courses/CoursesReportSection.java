package tr.bel.izmit.kadinaile.courses;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.metrics.ReportSection;

/**
 * The İZMEK section of the activity report, from our own tables. Application counts are over the
 * applications submitted in the period (days in Turkish time), by where they stand now; certificates are those
 * issued in the period. Centres and instructors are the active ones now. The fill rate of a centre is the share
 * of the seats taken in its courses that run during the period; the waitlist length is now.
 */
@Component
@Transactional(readOnly = true)
class CoursesReportSection implements ReportSection {

    private static final Collator TURKISH = Collator.getInstance(TurkishFormats.TURKISH);

    private final JdbcTemplate jdbc;

    CoursesReportSection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param applications submitted in the period
     * @param enrolled of those, holding a seat in a course not finished yet
     * @param waitlisted of those, waiting for a seat
     * @param completed of those, who finished their course with a certificate
     * @param certificates issued in the period
     * @param activeCentres course centres active now
     * @param instructors master instructors active now
     * @param fillRateByCentre centre name to percent of seats taken in its courses running in the period, highest first
     * @param waitlistLength applications waiting for a seat now, in any course
     */
    record Figures(long applications, long enrolled, long waitlisted, long completed, long certificates, long activeCentres,
            long instructors, Map<String, BigDecimal> fillRateByCentre, long waitlistLength) {
    }

    @Override
    public String name() {
        return "courses";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Figures figures(LocalDate from, LocalDate to) {
        Timestamp start = startOf(from);
        Timestamp end = startOf(to.plusDays(1));
        Figures counts = jdbc.queryForObject("select count(*) as n, "
                + "sum(case when status = 'ENROLLED' then 1 else 0 end) as enrolled, "
                + "sum(case when status = 'WAITLISTED' then 1 else 0 end) as waitlisted, "
                + "sum(case when status = 'COMPLETED' then 1 else 0 end) as completed "
                + "from crs_application where submitted_at >= ? and submitted_at < ?",
            (rs, row) -> new Figures(rs.getLong("n"), rs.getLong("enrolled"), rs.getLong("waitlisted"), rs.getLong("completed"),
                0, 0, 0, Map.of(), 0),
            start, end);
        long certificates = count("select count(*) from crs_certificate where issued_at >= ? and issued_at < ?", start, end);
        long centres = count("select count(*) from crs_centre where active = true");
        long instructors = count("select count(*) from crs_instructor where active = true");
        long waitlist = count("select count(*) from crs_application where status = 'WAITLISTED'");
        return new Figures(counts.applications(), counts.enrolled(), counts.waitlisted(), counts.completed(), certificates,
            centres, instructors, fillRates(from, to), waitlist);
    }

    private Map<String, BigDecimal> fillRates(LocalDate from, LocalDate to) {
        record Rate(String centre, BigDecimal percent) {
        }
        List<Rate> rates = jdbc.query("select ce.name as centre, sum(c.seats_taken) as taken, sum(c.capacity) as seats "
                + "from crs_course c join crs_centre ce on ce.id = c.centre_id "
                + "where c.starts_on <= ? and c.ends_on >= ? group by ce.name",
            (rs, row) -> new Rate(rs.getString("centre"), BigDecimal.valueOf(rs.getLong("taken") * 100)
                .divide(BigDecimal.valueOf(rs.getLong("seats")), 1, RoundingMode.HALF_UP)),
            Date.valueOf(to), Date.valueOf(from));
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        rates.stream()
            .sorted(Comparator.comparing(Rate::percent).reversed().thenComparing(Rate::centre, TURKISH))
            .forEach(rate -> ordered.put(rate.centre(), rate.percent()));
        return ordered;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }
}
