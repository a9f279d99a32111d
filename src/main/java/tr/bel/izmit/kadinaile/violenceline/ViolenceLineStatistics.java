package tr.bel.izmit.kadinaile.violenceline;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;

/**
 * Anonymous aggregates of the violence line, the only view of it that people outside the line get: counts
 * of cases by risk level, of referrals by type and of closed cases by outcome, over a period. A count below
 * {@link #SUPPRESS_BELOW} is never shown (it could point to a person in a small district), only marked as
 * suppressed. Read from our own tables, which keep these columns after personal data is erased.
 */
@Service
@Transactional(readOnly = true)
public class ViolenceLineStatistics {

    public static final int SUPPRESS_BELOW = 5;
    static final List<String> RISK_LEVELS = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

    private final JdbcTemplate jdbc;

    ViolenceLineStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One bucket: its count, or null with {@code suppressed} when the count is between 1 and 4. */
    public record Bucket(String key, Integer count, boolean suppressed) {
        public static Bucket of(String key, int count) {
            return count > 0 && count < SUPPRESS_BELOW ? new Bucket(key, null, true) : new Bucket(key, count, false);
        }
    }

    /**
     * {@code referralsByRiskLevel} counts the referrals made in the period by the risk level of their case;
     * {@code casesClosed} is the number of cases closed in the period (suppressed like every bucket).
     */
    public record Report(LocalDate from, LocalDate to, List<Bucket> casesByRiskLevel, List<Bucket> referralsByType,
            List<Bucket> closedCasesByOutcome, int suppressBelow, List<Bucket> referralsByRiskLevel, Bucket casesClosed) {
    }

    public Report report(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
        return new Report(from, to,
            buckets("select risk_level as k, count(*) as n from vl_case where created_at >= ? and created_at < ? "
                + "and risk_level is not null group by risk_level", RISK_LEVELS, start, end),
            buckets("select referral_type as k, count(*) as n from vl_referral where created_at >= ? and created_at < ? "
                + "group by referral_type", enumNames(), start, end),
            buckets("select closure_outcome as k, count(*) as n from vl_case where closed_at >= ? and closed_at < ? "
                + "and closure_outcome is not null group by closure_outcome", List.of(), start, end),
            SUPPRESS_BELOW,
            buckets("select c.risk_level as k, count(*) as n from vl_referral r join vl_case c on c.id = r.case_id "
                + "where r.created_at >= ? and r.created_at < ? and c.risk_level is not null group by c.risk_level",
                RISK_LEVELS, start, end),
            Bucket.of("CLOSED", jdbc.queryForObject("select count(*) from vl_case where closed_at >= ? and closed_at < ?",
                Integer.class, start, end)));
    }

    private List<Bucket> buckets(String sql, List<String> knownKeys, Timestamp start, Timestamp end) {
        Map<String, Integer> counts = new TreeMap<>();
        knownKeys.forEach(key -> counts.put(key, 0));
        jdbc.query(sql, rs -> {
            counts.put(rs.getString("k"), rs.getInt("n"));
        }, start, end);
        List<Bucket> buckets = new ArrayList<>();
        List<String> order = new ArrayList<>(knownKeys);
        counts.keySet().stream().filter(key -> !knownKeys.contains(key)).forEach(order::add);
        order.forEach(key -> buckets.add(Bucket.of(key, counts.get(key))));
        return buckets;
    }

    private static List<String> enumNames() {
        List<String> names = new ArrayList<>();
        for (ReferralType type : ReferralType.values()) {
            names.add(type.name());
        }
        return names;
    }
}
