package tr.bel.izmit.kadinaile.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * The engine benchmark (docs/benchmarks.md): in one run, on one embedded PostgreSQL server, the same models on three
 * engines, each on a fresh database: the Camunda 7.24 starter as it ships (open: REST API without authentication,
 * authorization off), the same starter secured the way Camunda documents it (secured: authorization on, HTTP Basic on
 * the REST API, the engine's own authorization row per task; issue 26) and this application's engine configuration
 * (ours); prints the three columns and ours / secured and ours / open. Run with {@code mvn -B -ntp -Pbenchmark verify};
 * sizes can be changed with {@code -Dbenchmark.args="openTasks=5000 throughput8=600"}.
 *
 * <p>The engines run side by side in this JVM, each on its own database, and take turns; those not measured are
 * idle. Phases: each engine in turn, warm-up and SQL per instance (engine API, counted on one thread; then through
 * HTTP); then throughput and task-completion latency through HTTP with 1 and then with 8 clients, first with an empty
 * queue and then with {@code backlog} open tasks in the officers' queue (created through each engine's API before the
 * phase), each cut into {@code slices} slices per engine taken in the order secured, ours, open, then open, ours,
 * secured, ... (ours and the secured starter ABBA); then each engine in turn, history bytes per instance over the
 * timed phases, history cleanup of everything finished so far, trivial async jobs and timer lag, task-list queries
 * with {@code openTasks} open tasks. The year simulation (issue 9, part 3) is {@link YearSimulation}, run with the same
 * profile.
 */
public final class EngineBenchmark {

    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    private EngineBenchmark(String[] args) {
        sizes.put("warmUp", 200);
        sizes.put("sqlInstances", 50);
        sizes.put("throughput1", 600);
        sizes.put("throughput8", 2400);
        // issue 26: the officers' queue with this many open tasks while the second round of timed phases runs
        sizes.put("backlog", 5000);
        sizes.put("backlog1", 600);
        sizes.put("backlog8", 2400);
        // 1: before each decision the staff member looks at her queue as Tasklist shows it (first page and count);
        // 0: the workload of the runs before 2026-12-07
        sizes.put("queueLook", 1);
        sizes.put("asyncJobs", 2000);
        sizes.put("timers", 300);
        sizes.put("openTasks", 50_000);
        // the open starter's task list is not a target (issue 26 compares ours with the secured starter there);
        // 0 skips it to save the creation of its open tasks (its figures are then not a number)
        sizes.put("openStarterTaskList", 1);
        sizes.put("queryRepeats", 30);
        sizes.put("slices", 8);
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !sizes.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known: " + sizes.keySet());
            }
            sizes.put(pair[0], Integer.parseInt(pair[1]));
        }
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            new EngineBenchmark(args).run();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            // the applications' non-daemon threads would keep a failed run's JVM alive
            System.exit(status);
        }
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        Memory.Sample memory;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             EngineUnderTest open = EngineUnderTest.baseline(postgres);
             EngineUnderTest secured = EngineUnderTest.securedBaseline(postgres);
             EngineUnderTest ours = EngineUnderTest.ours(postgres)) {
            // the order of the columns: open starter, secured starter, ours
            List<Measured> all = List.of(new Measured(open, sizes.get("queueLook") == 1),
                new Measured(secured, sizes.get("queueLook") == 1), new Measured(ours, sizes.get("queueLook") == 1));
            for (Measured measured : all) {
                counted(measured);
            }
            interleaved(all, EMPTY);
            for (Measured measured : all) {
                log(measured.engine, "backlog: creating " + sizes.get("backlog") + " open tasks in the officers' queue");
                createOpenTasks(measured.engine, 0, sizes.get("backlog"));
                measured.engine.vacuumAnalyze();
            }
            interleaved(all, BACKLOG);
            // failed requests of the timed phases at once, in case a later phase fails
            printFailures(all);
            for (Measured measured : all) {
                measured.timed.putInto(measured.figures, sizes.get("backlog"));
                measured.figures.forEach((figure, value) -> System.out.printf(Locale.ROOT, "FIGURE [%s] %s = %.2f%n",
                    measured.engine.name, figure, value));
            }
            // ours and the secured starter first: their task lists are targets, the open starter's is for reference
            for (Measured measured : List.of(all.get(2), all.get(1), all.get(0))) {
                untimed(measured);
                results.put(measured.engine.name, measured.figures);
                // each engine's figures as soon as they are known, in case a later phase fails
                measured.figures.forEach((figure, value) -> System.out.printf(Locale.ROOT, "FIGURE [%s] %s = %.2f%n",
                    measured.engine.name, figure, value));
            }
            printHistoryTables(all);
            printStatements(all);
            printFailures(all);
            memory = Memory.steady();
        }
        print(results, started);
        System.out.printf("%nMemory of the benchmark's JVM with the three applications at the end: %s%n", memory.describe());
    }

    private static final String EMPTY = "empty";
    private static final String BACKLOG = "backlog";

    /** One engine under test, what is known of it so far, and where its clients stand. */
    private static final class Measured {
        final EngineUnderTest engine;
        final RestClient rest;
        final AtomicInteger sequence = new AtomicInteger(1_000_000);
        final Map<String, Double> figures = new LinkedHashMap<>();
        /** Compacted history bytes per finished instance, per table, indexes included. */
        final Map<String, Double> historyTables = new TreeMap<>();
        /** JDBC executions per statement text of one instance through the engine API, as staff (a batch counts once). */
        final Map<String, Long> statementsOfOneInstance = new TreeMap<>();
        final Timed timed = new Timed();
        /** Requests that failed (an error answer, a broken connection): counted and reported; the run goes on. */
        final Failures failures = new Failures();
        long historyBefore;
        Map<String, Long> compactHistoryBefore;
        long finishedBefore;

        Measured(EngineUnderTest engine, boolean looksAtQueue) {
            this.engine = engine;
            this.rest = new RestClient(engine).lookingAtQueue(looksAtQueue);
        }

        /** Both engines live in this JVM, and the REST API finds its engine in Camunda's static registry. */
        Measured serving() {
            engine.serveRestApi();
            return this;
        }
    }

    /** Warm-up and the counted phases: SQL per instance through the engine API and through HTTP. */
    private void counted(Measured measured) throws Exception {
        EngineUnderTest engine = measured.serving().engine;
        Map<String, Double> figures = measured.figures;
        log(engine, "warm-up");
        clients(1, sizes.get("warmUp"), measured.rest::runOneInstance, measured.sequence, measured.failures);

        log(engine, "SQL per instance (engine API)");
        SqlCounter.Counts api = engine.sqlPerInstanceThroughEngineApi(20, sizes.get("sqlInstances"));
        figures.put("SQL statements / instance (engine API)", api.statements());
        figures.put("JDBC executions / instance (engine API, a batch counts once)", api.executions());
        figures.put("commits / instance (engine API)", api.commits());
        SqlCounter.Counts anonymous = engine.sqlPerInstanceThroughEngineApi(5, sizes.get("sqlInstances"), false);
        figures.put("JDBC executions / instance (engine API, no authenticated user)", anonymous.executions());

        // where the SQL of one instance goes, per statement text (the levers' argument in docs/benchmarks.md)
        engine.sql.detailed(true);
        engine.sqlPerInstanceThroughEngineApi(0, 1);
        engine.sql.detailed(false);
        measured.statementsOfOneInstance.putAll(engine.sql.executionsByStatement());

        measured.compactHistoryBefore = engine.compactHistoryBytes();
        measured.historyBefore = engine.historyBytes();
        measured.finishedBefore = finished(engine);

        log(engine, "SQL per instance through HTTP");
        engine.sql.reset(false);
        int counted = sizes.get("sqlInstances");
        long failedBefore = measured.failures.count();
        clients(1, counted, measured.rest::runOneInstance, measured.sequence, measured.failures);
        // a failed instance's statements are counted but it is not: a little more per instance, never less
        SqlCounter.Counts http = engine.sql.counts(counted - (int) (measured.failures.count() - failedBefore));
        figures.put("SQL statements / instance (HTTP, 1 client, all threads)", http.statements());
        figures.put("commits / instance (HTTP, 1 client, all threads)", http.commits());
        // from here on nothing is counted: the timed phases run on the data source's own connections
        engine.sql.bypass(true);
    }

    /**
     * The timed phases of one queue state ({@link #EMPTY} or {@link #BACKLOG}), 1 client and then 8 clients, cut into
     * {@code slices} slices per engine that take turns: secured, ours, open, then open, ours, secured, ... (ours and the
     * secured starter ABBA, the open starter between). The machine is a shared virtual machine whose speed drifts
     * over minutes (the hypervisor's steal, other builds); a drift now falls on all engines alike instead of on
     * whichever ran its phase at the time.
     */
    private void interleaved(List<Measured> all, String queue) throws Exception {
        int slices = sizes.get("slices");
        List<Measured> forward = List.of(all.get(1), all.get(2), all.get(0));
        List<Measured> backward = List.of(all.get(0), all.get(2), all.get(1));
        for (int clients : new int[] {1, 8}) {
            int instances = sizes.get((queue.equals(EMPTY) ? "throughput" : "backlog") + clients);
            for (int slice = 0; slice < slices; slice++) {
                int share = instances / slices + (slice < instances % slices ? 1 : 0);
                for (Measured measured : slice % 2 == 0 ? forward : backward) {
                    log(measured.engine, "throughput, " + queue + " queue, " + clients + (clients == 1 ? " client" : " clients")
                        + ", slice " + (slice + 1) + " of " + slices);
                    measured.serving().timed.add(queue, clients, share, measured.rest, measured.sequence, measured.failures);
                }
            }
        }
    }

    /** History bytes over the timed phases, then history cleanup, the job executor and the task list. */
    private void untimed(Measured measured) throws Exception {
        EngineUnderTest engine = measured.serving().engine;
        Map<String, Double> figures = measured.figures;
        long finishedNow = finished(engine);
        long instances = finishedNow - measured.finishedBefore;
        long expected = sizes.get("sqlInstances") + sizes.get("throughput1") + sizes.get("throughput8")
            + sizes.get("backlog1") + sizes.get("backlog8");
        // a failed request may have ended its instance (the answer was lost) or left it running
        if (instances > expected || instances < expected - measured.failures.count()) {
            // the REST API served the other engine at some point (serveRestApi)
            throw new IllegalStateException(engine.name + " finished " + instances
                + " instances through its REST API instead of " + expected + " (" + measured.failures.count() + " failed)");
        }
        figures.put("history bytes / finished instance (disk as written, indexes included)",
            (engine.historyBytes() - measured.historyBefore) / (double) instances);
        Map<String, Long> compactNow = engine.compactHistoryBytes();
        compactNow.forEach((table, bytes) -> measured.historyTables.put(table,
            (bytes - measured.compactHistoryBefore.getOrDefault(table, 0L)) / (double) instances));
        figures.put("history bytes / finished instance (compacted: VACUUM FULL before and after)",
            measured.historyTables.values().stream().mapToDouble(Double::doubleValue).sum());

        log(engine, "history cleanup of " + finishedNow + " finished instances");
        double cleaned = cleanup(engine, finishedNow);
        figures.put("history cleanup (instances/s)", cleaned);
        figures.put("history cleanup / creation rate at 8 clients", cleaned / measured.timed.throughput8(EMPTY));

        log(engine, "job executor");
        figures.put("trivial async jobs / s", asyncJobs(engine, sizes.get("asyncJobs")));
        List<Long> lags = timers(engine, sizes.get("timers"));
        figures.put("timer lag p50 (ms)", percentileMillis(lags, 50));
        figures.put("timer lag p99 (ms)", percentileMillis(lags, 99));

        int open = sizes.get("openTasks");
        if (engine.name.equals("open") && sizes.get("openStarterTaskList") == 0) {
            figures.put("task list, first page of 15 (ms, median)", Double.NaN);
            figures.put("task list, count (ms, median)", Double.NaN);
            figures.put("task list, first page with a variable filter (ms, median)", Double.NaN);
        } else {
            log(engine, "creating open tasks up to " + open + " (the backlog's " + sizes.get("backlog") + " are still open)");
            createOpenTasks(engine, sizes.get("backlog"), open);
            // the state autovacuum reaches soon after a bulk of inserts on a real server (statistics, visibility map),
            // reached at once and alike for all engines instead of depending on when its worker happens to run
            engine.vacuumAnalyze();
            log(engine, "task-list queries");
            figures.putAll(taskListQueries(measured.rest, sizes.get("queryRepeats")));
        }
        figures.put("failed requests (counted, the run went on)", (double) measured.failures.count());
    }

    /** {@code completed}: the instances whose requests all succeeded. */
    record Run(double seconds, List<Long> latencies, int completed) {
    }

    /**
     * Failed requests of one engine: how many, and the first few messages. A request that fails (a 500 from a deadlock,
     * a broken connection) is one failed instance, reported at the end; the clients go on with the next instance.
     */
    static final class Failures {
        private static final int KEPT = 10;
        private final AtomicInteger count = new AtomicInteger();
        private final List<String> first = Collections.synchronizedList(new ArrayList<>());

        void add(int sequence, RuntimeException failure) {
            if (count.incrementAndGet() <= KEPT) {
                first.add("instance " + sequence + ": " + failure.getMessage());
            }
        }

        long count() {
            return count.get();
        }

        List<String> first() {
            return List.copyOf(first);
        }
    }

    /**
     * Throughput and latency with 1 and with 8 clients per queue state, summed over the slices of one engine: instances
     * over seconds, latencies pooled, processor time at 8 clients summed.
     */
    private static final class Timed {
        private final Map<String, Phase> phases = new LinkedHashMap<>();

        /** One queue state and number of clients. */
        private static final class Phase {
            long instances;
            double seconds;
            final List<Long> latencies = new ArrayList<>();
            CpuMeter.Sample cpu = new CpuMeter.Sample(0, 0, 0, 0, 0);
            boolean postgresCpuKnown = true;
            boolean stealKnown = true;

            double throughput() {
                return instances / seconds;
            }
        }

        private Phase phase(String queue, int clients) {
            return phases.computeIfAbsent(queue + "/" + clients, k -> new Phase());
        }

        double throughput8(String queue) {
            return phase(queue, 8).throughput();
        }

        /** One slice: {@code clients} clients work through {@code instances} applications, with the processor time. */
        void add(String queue, int clients, int instances, RestClient rest, AtomicInteger sequence, Failures failures)
                throws Exception {
            Phase phase = phase(queue, clients);
            CpuMeter.Sample before = CpuMeter.now();
            Run run = EngineBenchmark.clients(clients, instances, rest::runOneInstance, sequence, failures);
            phase.cpu = phase.cpu.plus(CpuMeter.now().minus(before));
            phase.postgresCpuKnown &= before.postgres() >= 0;
            phase.stealKnown &= before.stolen() >= 0;
            phase.instances += run.completed;
            phase.seconds += run.seconds;
            phase.latencies.addAll(run.latencies);
        }

        void putInto(Map<String, Double> figures, int backlog) {
            for (String queue : List.of(EMPTY, BACKLOG)) {
                String state = queue.equals(EMPTY) ? "empty queue" : String.format(Locale.ROOT, "%,d open tasks", backlog);
                for (int clients : new int[] {1, 8}) {
                    Phase phase = phase(queue, clients);
                    String at = clients + (clients == 1 ? " client, " : " clients, ") + state;
                    figures.put("throughput, " + at + " (instances/s)", phase.throughput());
                    figures.put("task completion p50, " + at + " (ms)", percentile(phase.latencies, 50));
                    figures.put("task completion p99, " + at + " (ms)", percentile(phase.latencies, 99));
                    if (clients == 8) {
                        figures.put("CPU ms / instance, " + at + ": HTTP request threads",
                            phase.cpu.requestThreads() / 1e6 / phase.instances);
                        figures.put("CPU ms / instance, " + at + ": rest of the JVM (clients, GC, JIT, jobs)",
                            (phase.cpu.jvm() - phase.cpu.requestThreads()) / 1e6 / phase.instances);
                        figures.put("CPU ms / instance, " + at + ": PostgreSQL",
                            phase.postgresCpuKnown ? phase.cpu.postgres() / 1e6 / phase.instances : Double.NaN);
                        figures.put("processors taken by the hypervisor, " + at + " (steal, %)",
                            phase.stealKnown ? 100 * phase.cpu.stolenShare() : Double.NaN);
                    }
                }
            }
        }
    }

    /**
     * {@code clients} staff clients work through {@code instances} applications between them ({@code oneInstance}: the
     * requests of one application, returning the task-completion latencies). A failed application is counted in
     * {@code failures} and the client goes on with the next one.
     */
    static Run clients(int clients, int instances, IntFunction<long[]> oneInstance, AtomicInteger sequence, Failures failures)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger remaining = new AtomicInteger(instances);
        AtomicInteger completed = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    int number = sequence.getAndIncrement();
                    long[] measured;
                    try {
                        measured = oneInstance.apply(number);
                    } catch (RuntimeException failure) {
                        failures.add(number, failure);
                        continue;
                    }
                    for (long latency : measured) {
                        latencies.add(latency);
                    }
                    completed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return new Run(seconds, latencies, completed.get());
    }

    private static long finished(EngineUnderTest engine) {
        return engine.queryLong("select count(*) from act_hi_procinst where proc_def_key_ = '" + EngineUnderTest.MICROCREDIT
            + "' and end_time_ is not null");
    }

    /** Instances cleaned per second by the engine's history cleanup, started now and left to the job executor. */
    private static double cleanup(EngineUnderTest engine, long finished) throws InterruptedException {
        long begin = System.nanoTime();
        engine.engine.getHistoryService().cleanUpHistoryAsync(true);
        long deadline = begin + 600_000_000_000L;
        long left;
        while ((left = finished(engine)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return (finished - left) / seconds;
    }

    /** Trivial async jobs per second: the jobs are created with the job executor stopped, then it runs them all. */
    private static double asyncJobs(EngineUnderTest engine, int jobs) throws InterruptedException {
        JobExecutor executor = engine.configuration().getJobExecutor();
        executor.shutdown();
        JobProbe.reset();
        RuntimeService runtime = engine.engine.getRuntimeService();
        for (int done = 0; done < jobs; done += 200) {
            int batch = Math.min(200, jobs - done);
            engine.transactions().executeWithoutResult(tx -> {
                for (int i = 0; i < batch; i++) {
                    runtime.startProcessInstanceByKey(EngineUnderTest.ASYNC_JOB);
                }
            });
        }
        long begin = System.nanoTime();
        executor.start();
        long deadline = begin + 600_000_000_000L;
        while (JobProbe.EXECUTED.get() < jobs && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return JobProbe.EXECUTED.get() / ((System.nanoTime() - begin) / 1e9);
    }

    /** How late timers fire: {@code timers} timers due 5 to 11 seconds from now, spread evenly. */
    private static List<Long> timers(EngineUnderTest engine, int timers) throws InterruptedException {
        JobProbe.reset();
        RuntimeService runtime = engine.engine.getRuntimeService();
        long first = System.currentTimeMillis() + 5000;
        engine.transactions().executeWithoutResult(tx -> {
            for (int i = 0; i < timers; i++) {
                runtime.startProcessInstanceByKey(EngineUnderTest.TIMER, Map.of("dueAt", new Date(first + i * 6000L / timers)));
            }
        });
        long deadline = System.currentTimeMillis() + 300_000;
        while (JobProbe.TIMER_LAG_MILLIS.size() < timers && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return new ArrayList<>(JobProbe.TIMER_LAG_MILLIS);
    }

    /** Open applications waiting for their document check, created through the engine API, 250 per transaction. */
    static void createOpenTasks(EngineUnderTest engine, int tasks) throws Exception {
        createOpenTasks(engine, 0, tasks);
    }

    /**
     * Open applications number {@code from} to {@code tasks - 1} (so that a second call adds to the first), waiting for
     * their document check in the officers' queue, started as the application starts them (the engine's API, no
     * authenticated user), 250 per transaction; the secured starter creates each task's authorization row as it does
     * for every task.
     */
    static void createOpenTasks(EngineUnderTest engine, int from, int tasks) throws Exception {
        RuntimeService runtime = engine.engine.getRuntimeService();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            futures.add(pool.submit(() -> {
                int first;
                while ((first = next.getAndAdd(250)) < tasks) {
                    int to = Math.min(first + 250, tasks);
                    int start = first;
                    engine.transactions().executeWithoutResult(tx -> {
                        for (int i = start; i < to; i++) {
                            runtime.startProcessInstanceByKey(EngineUnderTest.MICROCREDIT, Workload.trackingCode(i),
                                Workload.startVariables(i));
                        }
                    });
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    /** Tasklist's queries for the officers' queue, as its filter sends them (earliest due date, then priority). */
    static Map<String, Double> taskListQueries(RestClient rest, int repeats) {
        Map<String, Object> queue = officersQueue();
        Map<String, Object> sorted = sortedQueue();
        Map<String, Object> filtered = filteredQueue();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("task list, first page of 15 (ms, median)",
            time(repeats, () -> rest.post("/task?firstResult=0&maxResults=15", sorted, 200).size()));
        figures.put("task list, count (ms, median)",
            time(repeats, () -> rest.post("/task/count", queue, 200).get("count").asInt()));
        figures.put("task list, first page with a variable filter (ms, median)",
            time(repeats, () -> rest.post("/task?firstResult=0&maxResults=15", filtered, 200).size()));
        return figures;
    }

    /** The body of Tasklist's query for the officers' queue ({@code POST /task/count} takes it as it is). */
    static Map<String, Object> officersQueue() {
        return queue("izgim-officers");
    }

    /** The body of Tasklist's query for a group's queue. */
    static Map<String, Object> queue(String group) {
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("candidateGroup", group);
        return queue;
    }

    /** The officers' queue in the order of our filters: earliest due date, then highest priority. */
    static Map<String, Object> sortedQueue() {
        return sortedQueue("izgim-officers");
    }

    /** A group's queue in the order of our filters: earliest due date, then highest priority. */
    static Map<String, Object> sortedQueue(String group) {
        Map<String, Object> sorted = queue(group);
        sorted.put("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"),
            Map.of("sortBy", "priority", "sortOrder", "desc")));
        return sorted;
    }

    /** The sorted queue with one process-variable filter that one task in sixteen matches. */
    static Map<String, Object> filteredQueue() {
        Map<String, Object> filtered = sortedQueue();
        filtered.put("processVariables", List.of(Map.of("name", "requestedAmount", "operator", "eq", "value", 2500)));
        return filtered;
    }

    /**
     * The median of {@code repeats} runs of the query after three warm-up runs. A query that does not answer within the
     * client's timeout ({@link RestClient#TIMEOUT}) is not repeated: its figure is infinite (printed as such, and
     * judged as missed against any limit), and the run goes on with the next query.
     */
    static double time(int repeats, Supplier<Integer> query) {
        try {
            for (int i = 0; i < 3; i++) {
                query.get();
            }
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long begin = System.nanoTime();
                if (query.get() <= 0) {
                    throw new IllegalStateException("the task-list query found nothing");
                }
                nanos.add(System.nanoTime() - begin);
            }
            return percentile(nanos, 50);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw e;
            }
            System.out.printf(Locale.ROOT, "the query did not answer within %d s; its figure is infinite%n",
                RestClient.TIMEOUT.toSeconds());
            return Double.POSITIVE_INFINITY;
        }
    }

    private static double percentile(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            // a phase whose every request failed: no latency to report (the failures are printed)
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static double percentileMillis(List<Long> millis, double percentile) {
        List<Long> nanos = new ArrayList<>();
        millis.forEach(m -> nanos.add(m * 1_000_000));
        return nanos.isEmpty() ? Double.NaN : percentile(nanos, percentile);
    }

    private static void log(EngineUnderTest engine, String phase) {
        System.out.printf("%n=== benchmark %s [%s] %s%n", Instant.now(), engine.name, phase);
    }

    /** Where the compacted history bytes of an instance go, table by table (tables no engine wrote left out). */
    private static void printHistoryTables(List<Measured> all) {
        StringBuilder table = new StringBuilder(String.format(
            "%nCompacted history bytes / finished instance, per table (indexes included)%n%n| table | open | secured | ours |%n|---|---:|---:|---:|%n"));
        for (String name : all.get(0).historyTables.keySet()) {
            double open = all.get(0).historyTables.get(name);
            double secured = all.get(1).historyTables.getOrDefault(name, 0.0);
            double ours = all.get(2).historyTables.getOrDefault(name, 0.0);
            if (open != 0 || secured != 0 || ours != 0) {
                table.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name, open, secured, ours));
            }
        }
        System.out.println(table);
    }

    /** The SQL of one instance per statement text, side by side (statements no engine sent left out). */
    private static void printStatements(List<Measured> all) {
        Map<String, long[]> rows = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            int column = i;
            all.get(i).statementsOfOneInstance.forEach((statement, n) ->
                rows.computeIfAbsent(statement, k -> new long[all.size()])[column] = n);
        }
        StringBuilder table = new StringBuilder(String.format(
            "%nJDBC executions of one instance through the engine API as staff, per statement text (a batch counts once)%n%n"
            + "| statement (first 110 characters) | open | secured | ours |%n|---|---:|---:|---:|%n"));
        long[] sums = new long[all.size()];
        rows.forEach((statement, n) -> {
            table.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %d |%n", statement.replace("|", "\\|"), n[0], n[1], n[2]));
            for (int i = 0; i < n.length; i++) {
                sums[i] += n[i];
            }
        });
        table.append(String.format(Locale.ROOT, "| **sum** | %d | %d | %d |%n", sums[0], sums[1], sums[2]));
        System.out.println(table);
    }

    /** The failed requests of each engine (their count is also a figure of the table). */
    private static void printFailures(List<Measured> all) {
        for (Measured measured : all) {
            if (measured.failures.count() > 0) {
                System.out.printf("%nFailed requests of %s: %d (the run went on); the first:%n", measured.engine.name,
                    measured.failures.count());
                measured.failures.first().forEach(message -> System.out.println("  " + message));
            }
        }
    }

    private void print(Map<String, Map<String, Double>> results, Instant started) {
        Map<String, Double> open = results.get("open");
        Map<String, Double> secured = results.get("secured");
        Map<String, Double> ours = results.get("ours");
        StringBuilder table = new StringBuilder();
        table.append(String.format("%nEngine benchmark, %s, sizes %s, %d s%n%n", started, sizes,
            java.time.Duration.between(started, Instant.now()).toSeconds()));
        table.append("| figure | open starter | secured starter | ours | ours / secured | ours / open |\n"
            + "|---|---:|---:|---:|---:|---:|\n");
        for (String figure : open.keySet()) {
            double o = open.get(figure);
            double s = secured.get(figure);
            double u = ours.get(figure);
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", figure, o, s, u, u / s, u / o));
        }
        System.out.println(table);
        System.out.println(targets(open, secured, ours));
    }

    /** Issue 26's targets against this run's figures: ratios against the secured starter unless said otherwise. */
    private String targets(Map<String, Double> open, Map<String, Double> secured, Map<String, Double> ours) {
        String backlog = String.format(Locale.ROOT, "%,d open tasks", sizes.get("backlog"));
        StringBuilder table = new StringBuilder("Targets of issue 26 (against the secured starter unless said otherwise)\n\n"
            + "| target | secured | ours | ratio | limit | met |\n|---|---:|---:|---:|---:|---|\n");
        TargetRow row = (label, figure, against, limit, higherIsBetter) -> {
            double base = against.get(figure);
            double value = ours.get(figure);
            double ratio = value / base;
            boolean met = higherIsBetter ? ratio >= limit : ratio <= limit;
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s %.2f | %s |%n", label, base, value, ratio,
                higherIsBetter ? "≥" : "≤", limit, met ? "met" : "NOT met"));
        };
        row.add("throughput, 8 clients, empty queue", "throughput, 8 clients, empty queue (instances/s)", secured, 1.5, true);
        row.add("throughput, 8 clients, " + backlog, "throughput, 8 clients, " + backlog + " (instances/s)", secured, 3.0, true);
        row.add("throughput, 1 client, empty queue", "throughput, 1 client, empty queue (instances/s)", secured, 1.2, true);
        row.add("throughput, 1 client, " + backlog, "throughput, 1 client, " + backlog + " (instances/s)", secured, 1.2, true);
        for (String state : List.of("empty queue", backlog)) {
            row.add("task completion p99, 1 client, " + state, "task completion p99, 1 client, " + state + " (ms)", secured, 0.7, false);
            row.add("task completion p99, 8 clients, " + state, "task completion p99, 8 clients, " + state + " (ms)", secured, 0.7, false);
        }
        row.add("JDBC executions / instance, against the OPEN starter (column 'secured' shows the open starter's)",
            "JDBC executions / instance (engine API, a batch counts once)", open, 0.75, false);
        row.add("SQL statements / instance, against the OPEN starter (column 'secured' shows the open starter's)",
            "SQL statements / instance (engine API)", open, 0.75, false);
        String at = String.format(Locale.ROOT, "%,d open tasks", sizes.get("openTasks"));
        absolute(table, "task list, first page of 15, " + at + " (ms, ≤ 15)", "task list, first page of 15 (ms, median)", secured, ours, 15);
        absolute(table, "task list, count, " + at + " (ms, ≤ 30)", "task list, count (ms, median)", secured, ours, 30);
        absolute(table, "task list, variable filter, " + at + " (ms, ≤ 50)",
            "task list, first page with a variable filter (ms, median)", secured, ours, 50);
        return table.toString();
    }

    @FunctionalInterface
    private interface TargetRow {
        void add(String label, String figure, Map<String, Double> against, double limit, boolean higherIsBetter);
    }

    private static void absolute(StringBuilder table, String label, String figure, Map<String, Double> secured,
            Map<String, Double> ours, double limit) {
        double value = ours.get(figure);
        table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | ≤ %.0f ms | %s |%n", label, secured.get(figure), value,
            value / secured.get(figure), limit, value <= limit ? "met" : "NOT met"));
    }
}
