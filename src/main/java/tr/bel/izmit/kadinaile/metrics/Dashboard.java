package tr.bel.izmit.kadinaile.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonValue;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.identity.StaffDirectory;

/**
 * The managers' dashboard over a period (days in Turkish time, both ends included), read from the engine's
 * history and runtime tables and our own tables with a handful of aggregate queries. Generic over every deployed
 * process: a process that lands shows up by itself, its outcomes named by the names of its end events in the
 * BPMN model. A confidential process (the violence line) is never shown per instance: its capability contributes
 * its anonymous, suppressed counts as a {@link ReportSection} that claims the process
 * ({@link ReportSection#aggregateOnlyProcesses()}), and the dashboard leaves it out of the process, work and
 * incident tables. The capabilities' figures are their {@link ReportSection}s.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

    static final String DELETED_OUTCOME = "(silindi)";

    private final JdbcTemplate jdbc;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ActivityReport activityReport;
    private final Set<String> confidential;
    private final Map<String, ProcessOutcomes> outcomes;
    private final StaffDirectory staffDirectory;
    private final Clock clock;
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

    Dashboard(JdbcTemplate jdbc, RepositoryService repositoryService, IdentityService identityService,
            ActivityReport activityReport, List<ReportSection> sections, List<ProcessOutcomes> outcomes,
            StaffDirectory staffDirectory, Clock clock) {
        this.jdbc = jdbc;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.activityReport = activityReport;
        this.confidential = sections.stream().flatMap(section -> section.aggregateOnlyProcesses().stream())
            .collect(Collectors.toUnmodifiableSet());
        this.outcomes = outcomes.stream().collect(Collectors.toMap(ProcessOutcomes::processKey, Function.identity()));
        this.staffDirectory = staffDirectory;
        this.clock = clock;
    }

    public enum PeriodKind { WEEK, MONTH, YEAR, CUSTOM }

    public record Period(PeriodKind kind, LocalDate from, LocalDate to) {

        /** This week (from Monday), month or year up to today, or the given days. */
        public static Period of(PeriodKind kind, LocalDate today, LocalDate from, LocalDate to) {
            return switch (kind) {
                case WEEK -> new Period(kind, today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today);
                case MONTH -> new Period(kind, today.withDayOfMonth(1), today);
                case YEAR -> new Period(kind, today.withDayOfYear(1), today);
                case CUSTOM -> new Period(kind, from, to);
            };
        }
    }

    /** Instances that ended at one end event in the period; {@code name} is the end event's name in the model. */
    public record Outcome(String endEventId, String name, OutcomeKind kind, long count) {
    }

    /** One week (from Monday) of a process: instances started and instances ended in it (within the period). */
    public record WeekPoint(LocalDate weekStart, long started, long completed) {
    }

    /**
     * One process over the period. {@code started}: instances started in it; {@code inProgress}: running at its
     * end; {@code completed}: ended in it, by {@code outcomes}. {@code approved} / {@code rejected}: instances that
     * passed an approving or a rejecting activity in the period (the activity ended in it), and the approval rate in percent (null when the
     * process has no such outcomes or none was reached). Cycle times of the instances completed in the period, in
     * hours, by the nearest-rank method.
     */
    public record ProcessFigures(String processKey, String name, long started, long inProgress, long completed,
            List<Outcome> outcomes, Long approved, Long rejected, BigDecimal approvalRatePercent,
            BigDecimal medianCycleTimeHours, BigDecimal p90CycleTimeHours, List<WeekPoint> weeklyTrend) {
    }

    /** Open tasks of one candidate group now: how many, how old the oldest is (days), how many are past due. */
    public record GroupWork(String groupId, String groupName, long openTasks, BigDecimal oldestAgeDays, long pastDue) {
    }

    public record ProcessIncidents(String processKey, String name, long openIncidents) {
    }

    /**
     * The dashboard. In JSON: {@code period}, {@code generatedAt}, {@code processes}, {@code work}, {@code incidents},
     * then the contributed sections in their order: those with a field of their own under their name, the others
     * together in {@code sections} (followed by {@code notYetAvailable}) where the first of them stands.
     */
    public record View(Period period, Instant generatedAt, List<ProcessFigures> processes, List<GroupWork> work,
            List<ProcessIncidents> incidents, List<ActivityReport.Part> parts, DashboardSummary summary) {

        public View(Period period, Instant generatedAt, List<ProcessFigures> processes, List<GroupWork> work,
                List<ProcessIncidents> incidents, List<ActivityReport.Part> parts) {
            this(period, generatedAt, processes, work, incidents, parts, null);
        }

        /** The sections shown together, by name (those with figures). */
        public Map<String, Object> sections() {
            Map<String, Object> sections = new LinkedHashMap<>();
            parts.stream().filter(part -> !part.section().ownDashboardField() && part.figures() != null)
                .forEach(part -> sections.put(part.name(), part.figures()));
            return sections;
        }

        public List<String> notYetAvailable() {
            return ActivityReport.notYetAvailable(parts);
        }

        @JsonValue
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("period", period);
            json.put("generatedAt", generatedAt);
            json.put("summary", summary);
            json.put("processes", processes);
            json.put("work", work);
            json.put("incidents", incidents);
            for (ActivityReport.Part part : parts) {
                if (part.section().ownDashboardField()) {
                    json.put(part.name(), part.figures());
                } else if (!json.containsKey("sections")) {
                    json.put("sections", sections());
                    json.put("notYetAvailable", notYetAvailable());
                }
            }
            json.putIfAbsent("sections", sections());
            json.putIfAbsent("notYetAvailable", notYetAvailable());
            return json;
        }
    }

    public View view(Period period) {
        Timestamp start = startOf(period.from());
        Timestamp end = startOf(period.to().plusDays(1));
        Instant now = clock.instant();
        Map<String, String> processNames = processNames();
        List<Long> durations = new ArrayList<>();
        List<ProcessFigures> processes = processes(period, start, end, processNames, durations);
        Period previous = DashboardSummary.previous(period);
        List<Long> previousDurations = new ArrayList<>();
        List<ProcessFigures> before = processes(previous, startOf(previous.from()), startOf(previous.to().plusDays(1)),
            processNames, previousDurations);
        List<GroupWork> work = work(now);
        List<ProcessIncidents> incidents = incidents(processNames);
        List<ActivityReport.Part> parts = activityReport.dashboardParts(period.from(), period.to(), now);
        DashboardSummary summary = new DashboardSummary(previous, DashboardSummary.comparison(period, previous),
            headlines(processes, durations, before, previousDurations, now), alerts(work, incidents, parts));
        return new View(period, now, processes, work, incidents, parts, summary);
    }

    // ------------------------------------------------------------------ summary

    private List<DashboardSummary.Headline> headlines(List<ProcessFigures> processes, List<Long> durations,
            List<ProcessFigures> before, List<Long> previousDurations, Instant now) {
        return List.of(
            DashboardSummary.relative("basvurular", Texts.get("metrics.dashboard.summary.applications"),
                sum(processes, ProcessFigures::started), DashboardSummary.Unit.COUNT, sum(before, ProcessFigures::started)),
            DashboardSummary.relative("sonuclanan", Texts.get("metrics.dashboard.summary.completed"),
                sum(processes, ProcessFigures::completed), DashboardSummary.Unit.COUNT, sum(before, ProcessFigures::completed)),
            DashboardSummary.points("onay-orani", Texts.get("metrics.dashboard.summary.approval-rate"),
                approvalRate(processes), approvalRate(before)),
            DashboardSummary.relative("ortanca-sure", Texts.get("metrics.dashboard.summary.median-days"),
                days(percentile(durations.stream().sorted().toList(), 50)), DashboardSummary.Unit.DAYS,
                days(percentile(previousDurations.stream().sorted().toList(), 50))),
            DashboardSummary.now("acik-gorevler", Texts.get("metrics.dashboard.summary.open-tasks"),
                BigDecimal.valueOf(openTasks(now)[0]), DashboardSummary.Unit.COUNT));
    }

    private static BigDecimal sum(List<ProcessFigures> processes, java.util.function.ToLongFunction<ProcessFigures> figure) {
        return BigDecimal.valueOf(processes.stream().mapToLong(figure).sum());
    }

    /** Approved in percent of the decided, over every process that declares decisions; null when none was decided. */
    private static BigDecimal approvalRate(List<ProcessFigures> processes) {
        long approved = processes.stream().map(ProcessFigures::approved).filter(n -> n != null).mapToLong(Long::longValue).sum();
        long rejected = processes.stream().map(ProcessFigures::rejected).filter(n -> n != null).mapToLong(Long::longValue).sum();
        return approved + rejected == 0 ? null
            : BigDecimal.valueOf(approved * 100).divide(BigDecimal.valueOf(approved + rejected), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(Long millis) {
        return millis == null ? null
            : BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(Duration.ofDays(1).toMillis()), 1, RoundingMode.HALF_UP);
    }

    /** Open tasks of the processes shown (and tasks of no process) now, and how many of them are past due. */
    private long[] openTasks(Instant now) {
        long[] counts = new long[2];
        jdbc.query("select count(*) as n, count(case when t.due_date_ < ? then 1 end) as past_due from act_ru_task t "
                + "where t.proc_def_id_ is null or t.proc_def_id_ not in (select id_ from act_re_procdef where key_ in ("
                + placeholders(confidential.size()) + "))",
            rs -> {
                counts[0] = rs.getLong("n");
                counts[1] = rs.getLong("past_due");
            }, arguments(List.of(Timestamp.from(now)), confidential));
        return counts;
    }

    private List<DashboardSummary.Alert> alerts(List<GroupWork> work, List<ProcessIncidents> incidents,
            List<ActivityReport.Part> parts) {
        List<DashboardSummary.Alert> alerts = new ArrayList<>();
        long pastDue = work.stream().mapToLong(GroupWork::pastDue).sum();
        if (pastDue > 0) {
            alerts.add(new DashboardSummary.Alert("gecikmis-gorevler", Texts.get("metrics.dashboard.alert.past-due"),
                String.valueOf(pastDue), DashboardSummary.Unit.COUNT,
                work.stream().filter(group -> group.pastDue() > 0)
                    .map(group -> group.groupName() + ": " + group.pastDue()).collect(Collectors.joining(", ")), "#isler"));
        }
        for (ActivityReport.Part part : parts) {
            if (part.figures() != null) {
                alerts.addAll(part.section().dashboardAlerts(part.figures()));
            }
        }
        long open = incidents.stream().mapToLong(ProcessIncidents::openIncidents).sum();
        if (open > 0) {
            alerts.add(new DashboardSummary.Alert("olaylar", Texts.get("metrics.dashboard.alert.incidents"), String.valueOf(open),
                DashboardSummary.Unit.COUNT, incidents.stream().map(incident -> incident.name() + ": " + incident.openIncidents())
                    .collect(Collectors.joining(", ")), "#olaylar"));
        }
        long failing = failingJobs();
        if (failing > 0) {
            alerts.add(new DashboardSummary.Alert("hatali-isler", Texts.get("metrics.dashboard.alert.failing-jobs"),
                String.valueOf(failing), DashboardSummary.Unit.COUNT, Texts.get("metrics.dashboard.alert.failing-jobs.detail"),
                "#olaylar"));
        }
        return alerts;
    }

    /** Jobs that failed and will be tried again (no incident yet), of the processes shown. */
    private long failingJobs() {
        Long count = jdbc.queryForObject("select count(*) from act_ru_job where exception_msg_ is not null and retries_ > 0 "
                + "and (process_def_key_ is null or process_def_key_ not in (" + placeholders(confidential.size()) + "))",
            Long.class, arguments(confidential));
        return count == null ? 0 : count;
    }

    // ------------------------------------------------------------------ processes

    private record InstanceRow(String key, String definitionId, Instant startTime, Instant endTime, String endActivityId,
            Long durationMillis) {
    }

    private List<ProcessFigures> processes(Period period, Timestamp start, Timestamp end, Map<String, String> names,
            List<Long> pooledDurations) {
        Map<String, List<InstanceRow>> rows = new HashMap<>();
        jdbc.query("select proc_def_key_, proc_def_id_, start_time_, end_time_, end_act_id_, duration_ from act_hi_procinst "
                + "where proc_def_key_ not in (" + placeholders(confidential.size()) + ") "
                + "and ((start_time_ >= ? and start_time_ < ?) or (end_time_ >= ? and end_time_ < ?))",
            rs -> {
                Timestamp ended = rs.getTimestamp("end_time_");
                long duration = rs.getLong("duration_");
                rows.computeIfAbsent(rs.getString("proc_def_key_"), key -> new ArrayList<>()).add(new InstanceRow(
                    rs.getString("proc_def_key_"), rs.getString("proc_def_id_"), rs.getTimestamp("start_time_").toInstant(),
                    ended == null ? null : ended.toInstant(), rs.getString("end_act_id_"), rs.wasNull() ? null : duration));
            }, arguments(confidential, start, end, start, end));
        Map<String, Long> inProgress = new HashMap<>();
        jdbc.query("select proc_def_key_ as k, count(*) as n from act_hi_procinst where proc_def_key_ not in ("
                + placeholders(confidential.size()) + ") and start_time_ < ? "
                + "and (end_time_ is null or end_time_ >= ?) group by proc_def_key_",
            rs -> {
                inProgress.put(rs.getString("k"), rs.getLong("n"));
            }, arguments(confidential, end, end));

        Set<String> keys = new LinkedHashSet<>(names.keySet());
        keys.addAll(rows.keySet());
        keys.addAll(inProgress.keySet());
        List<ProcessFigures> figures = new ArrayList<>();
        for (String key : keys) {
            if (confidential.contains(key)) {
                continue;
            }
            List<InstanceRow> instances = rows.getOrDefault(key, List.of());
            figures.add(process(key, names.getOrDefault(key, key), instances,
                inProgress.getOrDefault(key, 0L), period, start.toInstant(), end.toInstant()));
            instances.stream().filter(row -> row.endTime() != null && within(row.endTime(), start.toInstant(), end.toInstant()))
                .map(InstanceRow::durationMillis).filter(d -> d != null && d >= 0).forEach(pooledDurations::add);
        }
        return figures;
    }

    private ProcessFigures process(String key, String name, List<InstanceRow> rows, long inProgress, Period period,
            Instant start, Instant end) {
        List<InstanceRow> started = rows.stream().filter(row -> within(row.startTime(), start, end)).toList();
        List<InstanceRow> completed = rows.stream().filter(row -> row.endTime() != null && within(row.endTime(), start, end)).toList();

        Map<String, Long> byEndEvent = new TreeMap<>();
        Map<String, String> definitionOf = new HashMap<>();
        for (InstanceRow row : completed) {
            String endEvent = row.endActivityId() == null ? DELETED_OUTCOME : row.endActivityId();
            byEndEvent.merge(endEvent, 1L, Long::sum);
            definitionOf.putIfAbsent(endEvent, row.definitionId());
        }
        List<Outcome> outcomeList = byEndEvent.entrySet().stream()
            .map(entry -> new Outcome(entry.getKey(), endEventName(definitionOf.get(entry.getKey()), entry.getKey()),
                DELETED_OUTCOME.equals(entry.getKey()) ? OutcomeKind.OTHER : OutcomeKind.of(entry.getKey()), entry.getValue()))
            .sorted(Comparator.comparingLong(Outcome::count).reversed().thenComparing(Outcome::endEventId))
            .toList();

        List<Long> durations = completed.stream().map(InstanceRow::durationMillis).filter(d -> d != null && d >= 0)
            .sorted().toList();

        Long approved = null;
        Long rejected = null;
        BigDecimal rate = null;
        Set<String> approving = approvingActivities(key, true);
        Set<String> rejecting = approvingActivities(key, false);
        if (!approving.isEmpty() || !rejecting.isEmpty()) {
            approved = instancesReaching(key, approving, start, end);
            rejected = instancesReaching(key, rejecting, start, end);
            if (approved + rejected > 0) {
                rate = BigDecimal.valueOf(approved * 100).divide(BigDecimal.valueOf(approved + rejected), 1, RoundingMode.HALF_UP);
            }
        }

        return new ProcessFigures(key, name, started.size(), inProgress, completed.size(), outcomeList, approved, rejected,
            rate, hours(percentile(durations, 50)), hours(percentile(durations, 90)), trend(period, started, completed));
    }

    private static List<WeekPoint> trend(Period period, List<InstanceRow> started, List<InstanceRow> completed) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        LocalDate first = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week = first; !week.isAfter(period.to()); week = week.plusWeeks(1)) {
            weeks.put(week, new long[2]);
        }
        started.forEach(row -> weeks.get(weekOf(row.startTime()))[0]++);
        completed.forEach(row -> weeks.get(weekOf(row.endTime()))[1]++);
        return weeks.entrySet().stream().map(entry -> new WeekPoint(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
            .toList();
    }

    private static LocalDate weekOf(Instant instant) {
        return instant.atZone(ClockConfiguration.ISTANBUL).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Nearest rank: the smallest value with at least {@code percent} % of the values at or below it. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static BigDecimal hours(Long millis) {
        return millis == null ? null
            : BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(Duration.ofHours(1).toMillis()), 1, RoundingMode.HALF_UP);
    }

    private Set<String> approvingActivities(String key, boolean approving) {
        ProcessOutcomes declared = outcomes.get(key);
        if (declared != null) {
            return approving ? declared.approvedActivities() : declared.rejectedActivities();
        }
        OutcomeKind wanted = approving ? OutcomeKind.APPROVED : OutcomeKind.REJECTED;
        Set<String> ids = new TreeSet<>();
        latestModel(key).ifPresent(model -> model.getModelElementsByType(EndEvent.class).stream()
            .map(EndEvent::getId).filter(id -> OutcomeKind.of(id) == wanted).forEach(ids::add));
        return ids;
    }

    private long instancesReaching(String key, Set<String> activities, Instant start, Instant end) {
        if (activities.isEmpty()) {
            return 0;
        }
        List<String> definitions = definitionIds(key);
        if (definitions.isEmpty()) {
            return 0;
        }
        List<Object> arguments = new ArrayList<>(definitions);
        arguments.add(Timestamp.from(start));
        arguments.add(Timestamp.from(end));
        Long count = jdbc.queryForObject(instancesReachingSql(definitions.size(), activities), Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    /**
     * Instances of the given definitions (bound) that ended one of the activities in a period (bound). The activity
     * ids are written out, not bound, so that PostgreSQL proves the predicate of the partial index
     * KA_IDX_HI_ACTINST_OUTCOMES (db/vendor/postgresql/V19_1, V19_3) for a prepared statement. They are element ids of our
     * models (the capabilities' ProcessOutcomes, or end events of a deployed model), checked to be plain identifiers.
     */
    static String instancesReachingSql(int definitions, Set<String> activities) {
        return "select count(distinct proc_inst_id_) from act_hi_actinst where proc_def_id_ in (" + placeholders(definitions)
            + ") and act_id_ in (" + literals(activities) + ") and end_time_ >= ? and end_time_ < ?";
    }

    /** SQL string literals of BPMN element ids (NCNames, so never a quote); anything else is refused. */
    static String literals(Set<String> elementIds) {
        return ProcessCounts.literals(elementIds);
    }

    /** Placeholders for a list of values; one (bound to a key no process has) when the list is empty. */
    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(Math.max(count, 1), "?"));
    }

    /** The confidential keys (or one key no process has) and the other arguments, in order. */
    private static Object[] arguments(Set<String> keys, Object... more) {
        List<Object> arguments = new ArrayList<>(keys.isEmpty() ? List.of("") : keys.stream().sorted().toList());
        arguments.addAll(List.of(more));
        return arguments.toArray();
    }

    private static Object[] arguments(List<Object> first, Set<String> keys) {
        List<Object> arguments = new ArrayList<>(first);
        arguments.addAll(List.of(arguments(keys)));
        return arguments.toArray();
    }

    /** Ids of every deployed version of a process (history outlives no deployment here: definitions are kept). */
    private List<String> definitionIds(String key) {
        return jdbc.queryForList("select id_ from act_re_procdef where key_ = ?", String.class, key);
    }

    // ------------------------------------------------------------------ work in progress

    private List<GroupWork> work(Instant now) {
        Timestamp nowStamp = Timestamp.from(now);
        List<GroupWork> work = new ArrayList<>();
        jdbc.query("select i.group_id_ as g, count(distinct t.id_) as n, min(t.create_time_) as oldest, "
                + "count(distinct case when t.due_date_ < ? then t.id_ end) as past_due "
                + "from act_ru_task t join act_ru_identitylink i on i.task_id_ = t.id_ "
                + "where i.type_ = 'candidate' and i.group_id_ is not null "
                + "and (t.proc_def_id_ is null or t.proc_def_id_ not in (select id_ from act_re_procdef where key_ in ("
                + placeholders(confidential.size()) + "))) "
                + "group by i.group_id_",
            rs -> {
                Timestamp oldest = rs.getTimestamp("oldest");
                BigDecimal age = oldest == null ? null : BigDecimal.valueOf(Duration.between(oldest.toInstant(), now).toMinutes())
                    .divide(BigDecimal.valueOf(Duration.ofDays(1).toMinutes()), 1, RoundingMode.HALF_UP);
                String group = rs.getString("g");
                work.add(new GroupWork(group, groupName(group), rs.getLong("n"), age, rs.getLong("past_due")));
            }, arguments(List.of(nowStamp), confidential));
        work.sort(Comparator.comparing(GroupWork::groupName));
        return work;
    }

    private String groupName(String groupId) {
        return staffDirectory.displayName(groupId);
    }

    private List<ProcessIncidents> incidents(Map<String, String> names) {
        List<ProcessIncidents> incidents = new ArrayList<>();
        jdbc.query("select d.key_ as k, count(*) as n from act_ru_incident i join act_re_procdef d on d.id_ = i.proc_def_id_ "
                + "where d.key_ not in (" + placeholders(confidential.size()) + ") group by d.key_ order by d.key_",
            rs -> {
                incidents.add(new ProcessIncidents(rs.getString("k"), names.getOrDefault(rs.getString("k"), rs.getString("k")),
                    rs.getLong("n")));
            }, arguments(confidential));
        return incidents;
    }

    // ------------------------------------------------------------------ models

    /** Latest version of every deployed process by key with its name, in key order (the violence line left out). */
    private Map<String, String> processNames() {
        Map<String, String> names = new LinkedHashMap<>();
        unrestricted(() -> repositoryService.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list())
            .stream().filter(definition -> !confidential.contains(definition.getKey()))
            .forEach(definition -> names.put(definition.getKey(),
                definition.getName() == null ? definition.getKey() : definition.getName()));
        return names;
    }

    private String endEventName(String definitionId, String endEventId) {
        if (DELETED_OUTCOME.equals(endEventId)) {
            return "Silindi / iptal edildi";
        }
        BpmnModelInstance model = definitionId == null ? null : model(definitionId);
        ModelElementInstance element = model == null ? null : model.getModelElementById(endEventId);
        if (element instanceof FlowElement flowElement && flowElement.getName() != null && !flowElement.getName().isBlank()) {
            return flowElement.getName();
        }
        return endEventId;
    }

    private Optional<BpmnModelInstance> latestModel(String key) {
        ProcessDefinition latest = unrestricted(() -> repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(key).latestVersion().singleResult());
        return Optional.ofNullable(latest).map(definition -> model(definition.getId()));
    }

    /** The model of a definition, or null when its deployment is gone (its history stays). */
    private BpmnModelInstance model(String definitionId) {
        BpmnModelInstance cached = models.get(definitionId);
        if (cached != null) {
            return cached;
        }
        // asked first rather than caught: a failed engine command would mark the transaction for rollback
        BpmnModelInstance model = unrestricted(() -> repositoryService.createProcessDefinitionQuery()
            .processDefinitionId(definitionId).count() == 0 ? null : repositoryService.getBpmnModelInstance(definitionId));
        if (model != null) {
            models.put(definitionId, model);
        }
        return model;
    }

    /**
     * Model and definition reads for figures that are aggregates anyway: not limited by the caller's
     * authorizations (a manager may not read every process), her authentication given back afterwards.
     */
    private <T> T unrestricted(Supplier<T> read) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private static boolean within(Instant instant, Instant start, Instant end) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockConfiguration.ISTANBUL).toInstant());
    }
}
