package tr.bel.izmit.kadinaile.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;

/**
 * Counts of one process from the engine's tables, for a capability whose process the dashboard shows only as
 * counts (a confidential process, left out of every other table): its open and past-due tasks now, how often
 * some of its activities ended in a period (boundary timers of its SLAs) and its open incidents. The capability
 * turns them into suppressed buckets.
 */
@Service
@Transactional(readOnly = true)
public class ProcessCounts {

    private static final Pattern ELEMENT_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final JdbcTemplate jdbc;

    ProcessCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open tasks now and those of them past their due date. */
    public record OpenTasks(int open, int pastDue) {
    }

    public OpenTasks openTasks(String processKey, Instant now) {
        Map<String, Object> tasks = jdbc.queryForMap("select count(*) as n, sum(case when due_date_ < ? then 1 else 0 end) as past_due "
            + "from act_ru_task where proc_def_id_ in (select id_ from act_re_procdef where key_ = ?)", Timestamp.from(now), processKey);
        return new OpenTasks(intOf(tasks.get("n")), intOf(tasks.get("past_due")));
    }

    /**
     * How many instances of the activities ended in the period (days in Turkish time, both ends included), by
     * activity id; every given id is in the answer. The ids are written out, not bound, so that PostgreSQL proves
     * the predicate of a partial index for a prepared statement (the violence line's is
     * KA_IDX_HI_ACTINST_VIOLENCE_SLA, db/vendor/postgresql/V19_1, V19_3); they are element ids of our models, checked to be
     * plain identifiers.
     */
    public Map<String, Integer> activitiesEnded(String processKey, Set<String> activityIds, LocalDate from, LocalDate to) {
        Map<String, Integer> ended = new HashMap<>();
        activityIds.forEach(id -> ended.put(id, 0));
        List<String> definitions = jdbc.queryForList("select id_ from act_re_procdef where key_ = ?", String.class, processKey);
        if (definitions.isEmpty() || activityIds.isEmpty()) {
            return ended;
        }
        List<Object> arguments = new ArrayList<>(definitions);
        arguments.add(startOf(from));
        arguments.add(startOf(to.plusDays(1)));
        jdbc.query("select act_id_ as a, count(*) as n from act_hi_actinst where proc_def_id_ in ("
                + String.join(", ", Collections.nCopies(definitions.size(), "?")) + ") and act_id_ in ("
                + literals(activityIds) + ") and end_time_ >= ? and end_time_ < ? group by act_id_",
            rs -> {
                ended.put(rs.getString("a"), rs.getInt("n"));
            }, arguments.toArray());
        return ended;
    }

    public int openIncidents(String processKey) {
        Integer incidents = jdbc.queryForObject("select count(*) from act_ru_incident i join act_re_procdef d on d.id_ = i.proc_def_id_ "
            + "where d.key_ = ?", Integer.class, processKey);
        return incidents == null ? 0 : incidents;
    }

    /** SQL string literals of BPMN element ids (NCNames, so never a quote); anything else is refused. */
    static String literals(Set<String> elementIds) {
        return elementIds.stream().sorted().map(id -> {
            if (!ELEMENT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a BPMN element id: " + id);
            }
            return "'" + id + "'";
        }).collect(Collectors.joining(", "));
    }

    static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }

    private static int intOf(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }
}
