package tr.bel.izmit.kadinaile.benchmark;

import static tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution.COURSE_COORDINATORS;
import static tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution.INSTRUCTORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.FINANCE_OFFICERS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE;
import static tr.bel.izmit.kadinaile.producers.ProducersIdentityContribution.FOOD_SAFETY_OFFICERS;
import static tr.bel.izmit.kadinaile.producers.ProducersIdentityContribution.MARKET_COORDINATORS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SOCIAL_WORKERS;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.metrics.ActivityReport;
import tr.bel.izmit.kadinaile.portal.PortalApplications;
import tr.bel.izmit.kadinaile.producers.ProducersIdentityContribution;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution;
import tr.bel.izmit.kadinaile.courses.CoursesIdentityContribution;

/**
 * One year of İzmit's volume played through the real processes of a running application (issue 9, part 3): the
 * engine's clock (which our {@code Clock} bean follows) moves through the year in ticks of a day; at each tick the
 * due jobs run (timers, async continuations: executed here, the job executor is off), the citizens' applications
 * planned for it enter through {@link PortalApplications} (the portal's and the public API's service, with its
 * validation), and the staff work their queues: every open task is looked at and, when its time has come, completed
 * with its form's variables by a staff user of the task's group, authenticated on the engine so that the
 * authorization checks run. Other staff actions go through the services our staff API calls.
 *
 * <p>What happens is drawn from a seeded {@link Random} per case, so a run is reproducible; work with no order
 * between it runs on a few threads, work on one case (or one course) in order on one thread. Each part keeps its own
 * tally of what it submitted and decided and says which activity-report figures it expects from it
 * ({@link #expectedFigures()}).
 */
public final class SimulatedYear {

    /** The moments of a day at which the simulation acts, Turkish time. */
    enum Tick {
        MORNING(LocalTime.of(9, 0)),
        LATE_MORNING(LocalTime.of(11, 0)),
        AFTERNOON(LocalTime.of(14, 0)),
        EVENING(LocalTime.of(17, 0));

        final LocalTime time;

        Tick(LocalTime time) {
            this.time = time;
        }
    }

    /** The staff of the simulation: one user per role, each in her group. */
    enum Staff {
        OFFICER("sim.memur", StaffGroup.IZGIM_OFFICERS),
        MENTOR("sim.mentor", ENTREPRENEURSHIP_MENTORS),
        COMMITTEE("sim.komite", MICROCREDIT_COMMITTEE),
        MANAGER("sim.mudur", StaffGroup.MANAGERS),
        FINANCE("sim.mali", FINANCE_OFFICERS),
        OPERATOR("sim.operator", VIOLENCE_LINE_OPERATORS),
        SOCIAL_WORKER("sim.sosyal", VIOLENCE_LINE_SOCIAL_WORKERS),
        SUPERVISOR("sim.supervizor", VIOLENCE_LINE_SUPERVISORS),
        COORDINATOR("sim.koordinator", COURSE_COORDINATORS),
        INSTRUCTOR("sim.ogretici", INSTRUCTORS),
        MARKET("sim.pazar", MARKET_COORDINATORS),
        FOOD_SAFETY("sim.gida", FOOD_SAFETY_OFFICERS);

        final String userId;
        final StaffGroup group;

        Staff(String userId, StaffGroup group) {
            this.userId = userId;
            this.group = group;
        }
    }

    /**
     * The year's volumes; {@link #scaled} gives a smaller year for the integration test. İZGİM's figures come from the
     * directorate's 2021 report (issue 23), which covers the centre's first months only: it opened on 19 September
     * 2021, so they are the 104 days to 31 December, scaled to a year by 365/104 ({@link #IZGIM_2021_TO_YEAR}, about
     * 3.5): the dietitian's 1,600 citizens and 3,000 sessions, the psychologists' adults 366 / 976, children 540 / 922
     * and families 64 / 103 (citizens / sessions held), the children's library's 294 visitors and 101 registered
     * children. The report names two seminars of those months and no participant count: 2 seminars scaled to a year
     * (7), 40 participants each.
     */
    record Volumes(int courseApplications, int producerApplications, int producersFromIzmit, int microcreditApplications,
            int violenceCalls, int standRequests, int orders, Izgim izgim) {

        static final double IZGIM_2021_TO_YEAR = 365.0 / 104;

        static final Volumes IZMIT = new Volumes(6_089, 525, 363, 300, 400, 2_500, 1_332, new Izgim(
            year(1_600), year(3_000), year(366), year(976), year(540), year(922), year(64), year(103),
            year(294), year(101), year(2), year(2) * 40));

        Volumes scaled(double factor) {
            return new Volumes(scale(courseApplications, factor), scale(producerApplications, factor),
                scale(producersFromIzmit, factor), scale(microcreditApplications, factor), scale(violenceCalls, factor),
                scale(standRequests, factor), scale(orders, factor), izgim.scaled(factor));
        }

        private static int scale(int n, double factor) {
            return Math.max(1, (int) Math.round(n * factor));
        }

        private static int year(int firstMonths2021) {
            return (int) Math.round(firstMonths2021 * IZGIM_2021_TO_YEAR);
        }

        /** İZGİM's year: citizens and sessions held per counselling service, the library, the seminars. */
        record Izgim(int dietitianCitizens, int dietitianSessions, int adultCitizens, int adultSessions, int childCitizens,
                int childSessions, int familyCitizens, int familySessions, int libraryVisitors, int libraryChildren, int seminars,
                int seminarParticipants) {

            Izgim scaled(double f) {
                // at least two seminars, so that a small year still has an online one and one in a place
                return new Izgim(scale(dietitianCitizens, f), scale(dietitianSessions, f), scale(adultCitizens, f),
                    scale(adultSessions, f), scale(childCitizens, f), scale(childSessions, f), scale(familyCitizens, f),
                    scale(familySessions, f), scale(libraryVisitors, f), scale(libraryChildren, f), Math.max(2, scale(seminars, f)),
                    scale(seminarParticipants, f));
            }
        }
    }

    /** A piece of the simulation: one capability's cases, their staff decisions and the figures they lead to. */
    interface Part {

        /** The process keys whose tasks this part works on. */
        List<String> processKeys();

        /** Puts the year's applications (and what else it knows in advance) on the agenda. */
        void plan();

        /**
         * The staff's decision on an open task, or null to leave it for a later tick. Called on one thread, in
         * an order the simulation does not rely on.
         */
        Work work(Task task, String processKey);

        /** The activity-report figures this part's tally gives, as {@link ReportFigures#flatten} names them. */
        void expect(Map<String, String> figures);

        /** What the part submitted and decided, for the printout. */
        Map<String, Long> tally();

        /** The lane a due job of this part runs in (jobs of one lane run in order); null: its process instance's. */
        default String jobPartition(Job job) {
            return null;
        }
    }

    /**
     * A staff decision on a task: {@code staff} completes it with {@code variables}; {@code done} runs after the
     * completion succeeded (tallies, follow-up plans). {@code partition} orders it with other work (null: its case).
     * {@code actor}, when given, completes it instead of {@code staff} (a user the part created, e.g. a professional).
     */
    record Work(Staff staff, Map<String, Object> variables, Runnable done, String partition, Actor actor) {
        Work(Staff staff, Map<String, Object> variables, Runnable done) {
            this(staff, variables, done, null, null);
        }

        Work(Staff staff, Map<String, Object> variables, Runnable done, String partition) {
            this(staff, variables, done, partition, null);
        }
    }

    /** A staff user a part created itself, with her groups. */
    record Actor(String userId, List<String> groupIds) {
    }

    private record Planned(String partition, String label, Runnable action) {
    }

    final ApplicationContext context;
    final Volumes volumes;
    final long seed;
    final int year;
    final RuntimeService runtimeService;
    final TaskService taskService;
    final ManagementService managementService;
    final IdentityService identityService;
    final FormService formService;
    final RepositoryService repositoryService;
    final PortalApplications portal;
    final JdbcTemplate jdbc;

    private final int threads;
    private final ExecutorService pool;
    private final Map<LocalDate, EnumMap<Tick, List<Planned>>> agenda = new TreeMap<>();
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();
    private final Map<String, Part> partsByKey = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private final Map<String, AtomicLong> problems = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private LocalDate today;
    private Tick tick;

    SimulatedYear(ApplicationContext context, Volumes volumes, long seed, int year, int threads) {
        this.context = context;
        this.volumes = volumes;
        this.seed = seed;
        this.year = year;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "simulated-year");
            thread.setDaemon(true);
            return thread;
        });
        this.runtimeService = context.getBean(RuntimeService.class);
        this.taskService = context.getBean(TaskService.class);
        this.managementService = context.getBean(ManagementService.class);
        this.identityService = context.getBean(IdentityService.class);
        this.formService = context.getBean(FormService.class);
        this.repositoryService = context.getBean(RepositoryService.class);
        this.portal = context.getBean(PortalApplications.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, 1, 1);
    }

    LocalDate lastDay() {
        return LocalDate.of(year, 12, 31);
    }

    LocalDate today() {
        return today;
    }

    Tick tick() {
        return tick;
    }

    /** A reproducible random source for one case (or one course): the same whatever order the threads run in. */
    Random random(String kind, int index) {
        return new Random(seed * 1_000_003L + kind.hashCode() * 7_919L + index);
    }

    /** Plans an action for a day and tick; actions with the same partition run in order on one thread. */
    void at(LocalDate day, Tick when, String partition, String label, Runnable action) {
        if (day.isAfter(lastDay())) {
            return;
        }
        synchronized (agenda) {
            agenda.computeIfAbsent(day, d -> new EnumMap<>(Tick.class)).computeIfAbsent(when, t -> new ArrayList<>())
                .add(new Planned(partition, label, action));
        }
    }

    /** Runs an action as a staff user, authenticated on the engine with her group (authorization checks on). */
    <T> T as(Staff staff, Supplier<T> action) {
        identityService.setAuthentication(staff.userId, List.of(staff.group.id()));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Runs an action as a user a part created (a professional), authenticated on the engine with her groups. */
    <T> T as(Actor actor, Supplier<T> action) {
        identityService.setAuthentication(actor.userId(), actor.groupIds());
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    void as(Staff staff, Runnable action) {
        as(staff, () -> {
            action.run();
            return null;
        });
    }

    /** Counts something that went wrong (a refused action, a failed job ...): a finding to look at. */
    void problem(String what) {
        problems.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> problems() {
        Map<String, Long> copy = new TreeMap<>();
        problems.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    Map<String, Duration> phases() {
        return phases;
    }

    List<Part> parts() {
        return parts;
    }

    void add(Part part) {
        parts.add(part);
        part.processKeys().forEach(key -> partsByKey.put(key, part));
    }

    /** The staff users, one per role (the groups exist: the application creates them at start-up). */
    void createStaff() {
        for (Staff staff : Staff.values()) {
            if (identityService.createUserQuery().userId(staff.userId).count() > 0) {
                continue;
            }
            User user = identityService.newUser(staff.userId);
            user.setFirstName("Simülasyon");
            user.setLastName(staff.group.displayName());
            user.setPassword(password(staff));
            identityService.saveUser(user);
            identityService.createMembership(staff.userId, staff.group.id());
        }
    }

    /** A simulated staff user's password (HTTP Basic on the staff API), from the seed. */
    String password(Staff staff) {
        return "sim-" + Long.toHexString(new Random(seed + staff.ordinal()).nextLong()) + "-Aa1";
    }

    /** The simulation of the capabilities over one calendar year. */
    static SimulatedYear of(ApplicationContext context, Volumes volumes, long seed, int year, int threads) {
        SimulatedYear simulation = new SimulatedYear(context, volumes, seed, year, threads);
        simulation.add(new CourseYear(simulation));
        simulation.add(new MicrocreditYear(simulation));
        simulation.add(new ProducerYear(simulation));
        simulation.add(new ViolenceLineYear(simulation));
        simulation.add(new IzgimCounsellingYear(simulation));
        simulation.add(new IzgimLibraryYear(simulation));
        return simulation;
    }

    /** The activity report of the year and the simulation's tally side by side. */
    record Comparison(JsonNode report, Map<String, String> reported, Map<String, String> expected, List<String> differences) {
    }

    Comparison compare() {
        ActivityReport.Report report = context.getBean(ActivityReport.class).report(firstDay(), lastDay());
        JsonNode json = context.getBean(ObjectMapper.class).valueToTree(report);
        Map<String, String> reported = ReportFigures.flatten(json);
        Map<String, String> expected = expectedFigures();
        List<String> differences = new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(reported.keySet());
        names.addAll(expected.keySet());
        for (String name : names) {
            String r = reported.get(name);
            String e = expected.get(name);
            if (r == null ? e != null : !r.equals(e)) {
                differences.add(name + ": report " + r + ", simulation " + e);
            }
        }
        return new Comparison(json, reported, expected, differences);
    }

    /** Plays the year: every part plans, then the days go by. */
    void play() {
        long begin = System.nanoTime();
        setClock(firstDay(), LocalTime.of(8, 0));
        createStaff();
        parts.forEach(Part::plan);
        phase("planning", begin);
        long quarter = System.nanoTime();
        for (LocalDate day = firstDay(); !day.isAfter(lastDay()); day = day.plusDays(1)) {
            today = day;
            for (Tick t : Tick.values()) {
                tick = t;
                setClock(day, t.time);
                runDueJobs();
                if (runPlanned(day, t)) {
                    runDueJobs();
                }
                if (workQueues()) {
                    runDueJobs();
                }
            }
            if (day.getDayOfMonth() == day.lengthOfMonth()) {
                System.out.printf(java.util.Locale.ROOT, "YEAR %s played, %.1f s so far%n", day.getMonth(),
                    (System.nanoTime() - begin) / 1e9);
                if (day.getMonthValue() % 3 == 0) {
                    phase("quarter " + (day.getMonthValue() / 3), quarter);
                    quarter = System.nanoTime();
                }
            }
        }
        // the year is over: the clock stands just after midnight, jobs due by then have run
        setClock(lastDay().plusDays(1), LocalTime.of(0, 30));
        runDueJobs();
        pool.shutdown();
    }

    private void phase(String name, long beginNanos) {
        phases.put(name, Duration.ofNanos(System.nanoTime() - beginNanos));
    }

    static void setClock(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }

    /** Runs the actions planned for this tick; false when there were none. */
    private boolean runPlanned(LocalDate day, Tick t) {
        List<Planned> planned;
        synchronized (agenda) {
            EnumMap<Tick, List<Planned>> ofDay = agenda.get(day);
            planned = ofDay == null ? null : ofDay.remove(t);
        }
        if (planned == null || planned.isEmpty()) {
            return false;
        }
        Map<String, List<Runnable>> partitions = new LinkedHashMap<>();
        for (Planned p : planned) {
            partitions.computeIfAbsent(p.partition(), k -> new ArrayList<>()).add(() -> attempt(p.label(), p.action()));
        }
        long ran = System.nanoTime();
        runPartitions(partitions);
        spend("planned actions: applications, payments, withdrawals ... (wall)", ran);
        return true;
    }

    /** Runs an action; a lost optimistic-locking race is tried again (as a caseworker would click again). */
    void attempt(String label, Runnable action) {
        for (int attempt = 1; ; attempt++) {
            long begin = System.nanoTime();
            try {
                action.run();
                took(label, begin);
                return;
            } catch (OptimisticLockingException e) {
                if (attempt >= 3) {
                    problem(label + ": optimistic locking, gave up");
                    return;
                }
                count("retried after optimistic locking");
            } catch (RuntimeException e) {
                problem(label + ": " + describe(e));
                return;
            } finally {
                identityService.clearAuthentication();
            }
        }
    }

    private void runPartitions(Map<String, List<Runnable>> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<List<Runnable>> lanes = new ArrayList<>(partitions.values());
        if (lanes.size() == 1 || threads == 1) {
            lanes.forEach(lane -> lane.forEach(Runnable::run));
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (List<Runnable> lane : lanes) {
            futures.add(pool.submit(() -> lane.forEach(Runnable::run)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Executes every due job of a process, as the job executor would, one thread per process instance. */
    void runDueJobs() {
        for (int pass = 0; pass < 100; pass++) {
            long queried = System.nanoTime();
            List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 5_000);
            spend("query due jobs (main thread)", queried);
            Map<String, List<Runnable>> byInstance = new LinkedHashMap<>();
            for (Job job : due) {
                if (job.getProcessInstanceId() == null) {
                    continue; // history cleanup and batches are not part of the year
                }
                Part part = partsByKey.get(processKey(job.getProcessDefinitionId()));
                String lane = part == null ? null : part.jobPartition(job);
                byInstance.computeIfAbsent(lane == null ? job.getProcessInstanceId() : lane, k -> new ArrayList<>())
                    .add(() -> execute(job));
            }
            if (byInstance.isEmpty()) {
                return;
            }
            long ran = System.nanoTime();
            runPartitions(byInstance);
            spend("execute jobs (wall)", ran);
        }
        problem("due jobs still left after 100 passes");
    }

    private void execute(Job job) {
        long begin = System.nanoTime();
        try {
            managementService.executeJob(job.getId());
            took("job of " + processKey(job.getProcessDefinitionId()), begin);
            count("jobs executed");
        } catch (OptimisticLockingException e) {
            count("jobs retried after optimistic locking");
        } catch (RuntimeException e) {
            problem("job failed: " + processKey(job.getProcessDefinitionId()) + " " + activityOf(job) + " " + describe(e));
        }
    }

    /**
     * An exception as a problem's name: its type, and for a refused validation the fields and rules (never values);
     * the first of each kind is printed with its stack trace, to find where it came from.
     */
    private String describe(RuntimeException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof tr.bel.izmit.kadinaile.common.ValidationFailedException refused) {
            name += " " + refused.getErrors();
        } else if (e instanceof org.camunda.bpm.engine.ProcessEngineException) {
            name += " " + rootMessage(e);
        }
        if (firstOfKind.add(name)) {
            System.err.println("SIMULATION first " + name);
            e.printStackTrace();
        }
        return name;
    }

    private final java.util.Set<String> firstOfKind = ConcurrentHashMap.newKeySet();

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private String activityOf(Job job) {
        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        return failed == null ? "?" : failed.getFailedActivityId();
    }

    /** Time and number of the actions, tasks and jobs of each kind (each on its own thread). */
    private final Map<String, long[]> took = new ConcurrentHashMap<>();

    private void took(String kind, long beginNanos) {
        long nanos = System.nanoTime() - beginNanos;
        long[] sum = took.computeIfAbsent(kind, k -> new long[2]);
        synchronized (sum) {
            sum[0]++;
            sum[1] += nanos;
        }
    }

    /** Kind of work → {number, total milliseconds}, most time first. */
    Map<String, long[]> took() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        took.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
            .forEach(e -> copy.put(e.getKey(), new long[] {e.getValue()[0], e.getValue()[1] / 1_000_000}));
        return copy;
    }

    /** Wall time spent per kind of work (summed over the threads for the parallel kinds). */
    private final Map<String, AtomicLong> spent = new ConcurrentHashMap<>();

    private void spend(String what, long beginNanos) {
        spent.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(System.nanoTime() - beginNanos);
    }

    Map<String, Duration> spent() {
        Map<String, Duration> copy = new TreeMap<>();
        spent.forEach((k, v) -> copy.put(k, Duration.ofNanos(v.get())));
        return copy;
    }

    String processKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return "?";
        }
        return processKeys.computeIfAbsent(processDefinitionId, id -> {
            ProcessDefinition definition = repositoryService.getProcessDefinition(id);
            return definition.getKey();
        });
    }

    /** The staff look at every open task (as the simulation's bookkeeping, not as one user) and do what is due. */
    private boolean workQueues() {
        long queried = System.nanoTime();
        List<Task> open = taskService.createTaskQuery().active().orderByTaskCreateTime().asc().list();
        spend("query open tasks (main thread)", queried);
        Map<String, List<Runnable>> lanes = new LinkedHashMap<>();
        for (Task task : open) {
            String key = processKey(task.getProcessDefinitionId());
            Part part = partsByKey.get(key);
            if (part == null) {
                problem("task of an unknown process " + key);
                continue;
            }
            Work work;
            try {
                work = part.work(task, key);
            } catch (RuntimeException e) {
                problem(key + " " + task.getTaskDefinitionKey() + ": " + e.getMessage());
                continue;
            }
            if (work == null) {
                continue;
            }
            String lane = work.partition() == null ? task.getProcessInstanceId() : work.partition();
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(() -> attempt("task " + key + " " + task.getTaskDefinitionKey(), () -> {
                if (work.actor() != null) {
                    as(work.actor(), () -> {
                        taskService.complete(task.getId(), work.variables());
                        return null;
                    });
                } else {
                    as(work.staff(), () -> taskService.complete(task.getId(), work.variables()));
                }
                count("tasks completed");
                if (work.done() != null) {
                    work.done().run();
                }
            }));
        }
        if (lanes.isEmpty()) {
            return false;
        }
        long ran = System.nanoTime();
        runPartitions(lanes);
        spend("complete tasks (wall)", ran);
        return true;
    }

    /** Whether a task was created before this tick (so that the staff see it in this tick's round). */
    boolean createdBefore(Task task, LocalDate day, Tick when) {
        return !task.getCreateTime().toInstant().isAfter(day.atTime(when.time).atZone(ClockConfiguration.ISTANBUL).toInstant());
    }

    LocalDate createdOn(Task task) {
        return task.getCreateTime().toInstant().atZone(ClockConfiguration.ISTANBUL).toLocalDate();
    }

    /** The figures every part expects, by the names {@link ReportFigures#flatten} gives the report's. */
    Map<String, String> expectedFigures() {
        Map<String, String> figures = new TreeMap<>();
        parts.forEach(part -> part.expect(figures));
        return figures;
    }
}
