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
 * The engine benchmark (docs/benchmarks.md): in one run, on one embedded PostgreSQL server, the same models on the
 * out-of-the-box Camunda 7.24 starter (baseline) and on this application's engine configuration (ours), each on a
 * fresh database; prints baseline / ours / ratio. Run with {@code mvn -B -ntp -Pbenchmark verify}; sizes can be
 * changed with {@code -Dbenchmark.args="openTasks=5000 throughput8=600"}.
 *
 * <p>Both engines run side by side in this JVM, each on its own database, and take turns; the one not measured is
 * idle. Phases: each engine in turn, warm-up and SQL per instance (engine API, counted on one thread; then through
 * HTTP); then throughput and task-completion latency through HTTP with 1 and then with 8 clients, cut into
 * {@code slices} slices per engine taken in the order baseline, ours, ours, baseline, ... (ABBA); then each engine in
 * turn, history bytes per instance over the timed phases, history cleanup of everything finished so far, trivial
 * async jobs and timer lag, task-list queries with the open tasks.
 * The year simulation (issue 9, part 3) is {@link YearSimulation}, run with the same profile.
 */
public final class EngineBenchmark {

    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    private EngineBenchmark(String[] args) {
        sizes.put("warmUp", 200);
        sizes.put("sqlInstances", 50);
        sizes.put("throughput1", 600);
        sizes.put("throughput8", 2400);
        sizes.put("asyncJobs", 2000);
        sizes.put("timers", 300);
        sizes.put("openTasks", 50_000);
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

    public static void main(String[] args) throws Exception {
        new EngineBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             EngineUnderTest baseline = EngineUnderTest.baseline(postgres);
             EngineUnderTest ours = EngineUnderTest.ours(postgres)) {
            List<Measured> both = List.of(new Measured(baseline), new Measured(ours));
            for (Measured measured : both) {
                counted(measured);
            }
            interleaved(both);
            for (Measured measured : both) {
                untimed(measured);
                results.put(measured.engine.name, measured.figures);
            }
            printHistoryTables(both);
            printFailures(both);
        }
        print(results, started);
    }

    /** One engine under test, what is known of it so far, and where its clients stand. */
    private static final class Measured {
        final EngineUnderTest engine;
        final RestClient rest;
        final AtomicInteger sequence = new AtomicInteger(1_000_000);
        final Map<String, Double> figures = new LinkedHashMap<>();
        /** Compacted history bytes per finished instance, per table, indexes included. */
        final Map<String, Double> historyTables = new TreeMap<>();
        final Timed timed = new Timed();
        /** Requests that failed (an error answer, a broken connection): counted and reported; the run goes on. */
        final Failures failures = new Failures();
        long historyBefore;
        Map<String, Long> compactHistoryBefore;
        long finishedBefore;

        Measured(EngineUnderTest engine) {
            this.engine = engine;
            this.rest = new RestClient(engine);
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
     * The timed phases, 1 client and then 8 clients, cut into {@code slices} slices per engine that take turns:
     * baseline, ours, ours, baseline, baseline, ... (ABBA). The machine is a shared virtual machine whose speed
     * drifts over minutes (the hypervisor's steal); a drift now falls on both engines alike instead of on whichever
     * ran its phase at the time.
     */
    private void interleaved(List<Measured> both) throws Exception {
        int slices = sizes.get("slices");
        for (int clients : new int[] {1, 8}) {
            int instances = sizes.get(clients == 1 ? "throughput1" : "throughput8");
            for (int slice = 0; slice < slices; slice++) {
                int share = instances / slices + (slice < instances % slices ? 1 : 0);
                List<Measured> order = slice % 2 == 0 ? both : List.of(both.get(1), both.get(0));
                for (Measured measured : order) {
                    log(measured.engine, "throughput, " + clients + (clients == 1 ? " client" : " clients")
                        + ", slice " + (slice + 1) + " of " + slices);
                    measured.serving().timed.add(clients, share, measured.rest, measured.sequence, measured.failures);
                }
            }
        }
        for (Measured measured : both) {
            measured.timed.putInto(measured.figures);
        }
    }

    /** History bytes over the timed phases, then history cleanup, the job executor and the task list. */
    private void untimed(Measured measured) throws Exception {
        EngineUnderTest engine = measured.serving().engine;
        Map<String, Double> figures = measured.figures;
        long finishedNow = finished(engine);
        long instances = finishedNow - measured.finishedBefore;
        long expected = sizes.get("sqlInstances") + sizes.get("throughput1") + sizes.get("throughput8");
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
        figures.put("history cleanup / creation rate at 8 clients", cleaned / measured.timed.throughput8());

        log(engine, "job executor");
        figures.put("trivial async jobs / s", asyncJobs(engine, sizes.get("asyncJobs")));
        List<Long> lags = timers(engine, sizes.get("timers"));
        figures.put("timer lag p50 (ms)", percentileMillis(lags, 50));
        figures.put("timer lag p99 (ms)", percentileMillis(lags, 99));

        int open = sizes.get("openTasks");
        log(engine, "creating " + open + " open tasks");
        createOpenTasks(engine, open);
        // the state autovacuum reaches soon after a bulk of inserts on a real server (statistics, visibility map),
        // reached at once and alike for both engines instead of depending on when its worker happens to run
        engine.vacuumAnalyze();
        log(engine, "task-list queries");
        figures.putAll(taskListQueries(measured.rest, sizes.get("queryRepeats")));
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
     * Throughput and latency with 1 and with 8 clients, summed over the slices of one engine: instances over seconds,
     * latencies pooled, processor time at 8 clients summed.
     */
    private static final class Timed {
        long instances1;
        double seconds1;
        final List<Long> latencies1 = new ArrayList<>();
        long instances8;
        double seconds8;
        final List<Long> latencies8 = new ArrayList<>();
        CpuMeter.Sample cpu8 = new CpuMeter.Sample(0, 0, 0, 0, 0);
        boolean postgresCpuKnown = true;
        boolean stealKnown = true;

        double throughput8() {
            return instances8 / seconds8;
        }

        /** One slice: {@code clients} clients work through {@code instances} applications; at 8, processor time too. */
        void add(int clients, int instances, RestClient rest, AtomicInteger sequence, Failures failures) throws Exception {
            if (clients == 1) {
                Run run = EngineBenchmark.clients(1, instances, rest::runOneInstance, sequence, failures);
                instances1 += run.completed;
                seconds1 += run.seconds;
                latencies1.addAll(run.latencies);
                return;
            }
            CpuMeter.Sample before = CpuMeter.now();
            Run run = EngineBenchmark.clients(clients, instances, rest::runOneInstance, sequence, failures);
            cpu8 = cpu8.plus(CpuMeter.now().minus(before));
            postgresCpuKnown &= before.postgres() >= 0;
            stealKnown &= before.stolen() >= 0;
            instances8 += run.completed;
            seconds8 += run.seconds;
            latencies8.addAll(run.latencies);
        }

        void putInto(Map<String, Double> figures) {
            figures.put("throughput, 1 client (instances/s)", instances1 / seconds1);
            figures.put("task completion p50, 1 client (ms)", percentile(latencies1, 50));
            figures.put("task completion p99, 1 client (ms)", percentile(latencies1, 99));
            figures.put("throughput, 8 clients (instances/s)", throughput8());
            figures.put("CPU ms / instance at 8 clients: HTTP request threads", cpu8.requestThreads() / 1e6 / instances8);
            figures.put("CPU ms / instance at 8 clients: rest of the JVM (clients, GC, JIT, jobs)",
                (cpu8.jvm() - cpu8.requestThreads()) / 1e6 / instances8);
            figures.put("CPU ms / instance at 8 clients: PostgreSQL",
                postgresCpuKnown ? cpu8.postgres() / 1e6 / instances8 : Double.NaN);
            figures.put("processors taken by the hypervisor during 8 clients (steal, %)",
                stealKnown ? 100 * cpu8.stolenShare() : Double.NaN);
            figures.put("task completion p50, 8 clients (ms)", percentile(latencies8, 50));
            figures.put("task completion p99, 8 clients (ms)", percentile(latencies8, 99));
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
        RuntimeService runtime = engine.engine.getRuntimeService();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            futures.add(pool.submit(() -> {
                int from;
                while ((from = next.getAndAdd(250)) < tasks) {
                    int to = Math.min(from + 250, tasks);
                    int start = from;
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
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("candidateGroup", "izgim-officers");
        return queue;
    }

    /** The queue in the order of our filters: earliest due date, then highest priority. */
    static Map<String, Object> sortedQueue() {
        Map<String, Object> sorted = officersQueue();
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

    private static double time(int repeats, Supplier<Integer> query) {
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
    }

    private static double percentile(List<Long> nanos, double percentile) {
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
        System.out.printf("%n=== benchmark [%s] %s%n", engine.name, phase);
    }

    /** Where the compacted history bytes of an instance go, table by table (tables neither engine wrote left out). */
    private static void printHistoryTables(List<Measured> both) {
        StringBuilder table = new StringBuilder(String.format(
            "%nCompacted history bytes / finished instance, per table (indexes included)%n%n| table | baseline | ours |%n|---|---:|---:|%n"));
        for (String name : both.get(0).historyTables.keySet()) {
            double baseline = both.get(0).historyTables.get(name);
            double ours = both.get(1).historyTables.getOrDefault(name, 0.0);
            if (baseline != 0 || ours != 0) {
                table.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", name, baseline, ours));
            }
        }
        System.out.println(table);
    }

    /** The failed requests of each engine (their count is also a figure of the table). */
    private static void printFailures(List<Measured> both) {
        for (Measured measured : both) {
            if (measured.failures.count() > 0) {
                System.out.printf("%nFailed requests of %s: %d (the run went on); the first:%n", measured.engine.name,
                    measured.failures.count());
                measured.failures.first().forEach(message -> System.out.println("  " + message));
            }
        }
    }

    private void print(Map<String, Map<String, Double>> results, Instant started) {
        Map<String, Double> baseline = results.get("baseline");
        Map<String, Double> ours = results.get("ours");
        StringBuilder table = new StringBuilder();
        table.append(String.format("%nEngine benchmark, %s, sizes %s, %d s%n%n", started, sizes,
            java.time.Duration.between(started, Instant.now()).toSeconds()));
        table.append("| figure | baseline | ours | ours / baseline |\n|---|---:|---:|---:|\n");
        for (String figure : baseline.keySet()) {
            double b = baseline.get(figure);
            double o = ours.get(figure);
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", figure, b, o, o / b));
        }
        System.out.println(table);
    }
}
