package tr.bel.izmit.kadinaile.izgim.seminars;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.metrics.ReportSection;

/**
 * İZGİM's children's library and seminars in the activity report and on the dashboard ({@code izgimLibrary}), counts
 * only, from our own tables (days in Turkish time, both ends included).
 */
@Component
@Transactional(readOnly = true)
class LibraryAndSeminarsReportSection implements ReportSection {

    private final JdbcTemplate jdbc;

    LibraryAndSeminarsReportSection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param libraryVisitors visits in the period: registered children's visits and anonymous visitors counted per day
     * @param childVisits of those, visits of registered children
     * @param registeredChildren children registered in the period
     * @param registeredChildrenTotal children registered up to the period's end
     * @param seminars seminars and workshops held in the period (by their start)
     * @param onlineSeminars of those, online
     * @param seminarRegistrations registrations holding a seat in those seminars
     * @param seminarParticipants registrants recorded as attending those seminars
     */
    record Figures(long libraryVisitors, long childVisits, long registeredChildren, long registeredChildrenTotal, long seminars,
            long onlineSeminars, long seminarRegistrations, long seminarParticipants) {
    }

    @Override
    public String name() {
        return "izgimLibrary";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Figures figures(LocalDate from, LocalDate to) {
        Date firstDay = Date.valueOf(from);
        Date lastDay = Date.valueOf(to);
        Timestamp start = startOf(from);
        Timestamp end = startOf(to.plusDays(1));
        long visitors = count("select coalesce(sum(visitors), 0) from izl_visit where visit_day >= ? and visit_day <= ?", firstDay, lastDay);
        long childVisits = count("select count(*) from izl_visit where child_id is not null and visit_day >= ? and visit_day <= ?",
            firstDay, lastDay);
        long children = count("select count(*) from izl_child where registered_at >= ? and registered_at < ?", start, end);
        long childrenTotal = count("select count(*) from izl_child where registered_at < ?", end);
        long seminars = count("select count(*) from izs_seminar where starts_at >= ? and starts_at < ?", start, end);
        long online = count("select count(*) from izs_seminar where online_link is not null and starts_at >= ? and starts_at < ?",
            start, end);
        long registrations = count("select count(*) from izs_registration r join izs_seminar s on s.id = r.seminar_id "
            + "where r.status = 'CONFIRMED' and s.starts_at >= ? and s.starts_at < ?", start, end);
        long participants = count("select count(*) from izs_registration r join izs_seminar s on s.id = r.seminar_id "
            + "where r.status = 'CONFIRMED' and r.attended = true and s.starts_at >= ? and s.starts_at < ?", start, end);
        return new Figures(visitors, childVisits, children, childrenTotal, seminars, online, registrations, participants);
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }
}
