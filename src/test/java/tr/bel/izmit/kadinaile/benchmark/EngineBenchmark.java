package tr.bel.izmit.kadinaile.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Phases, each engine in turn: warm-up; SQL per instance (engine API, counted on one thread); throughput and
 * task-completion latency through HTTP with 1 and with 8 clients (history bytes per instance over these); history
 * cleanup of everything finished so far; trivial async jobs and timer lag; task-list queries with the open tasks.
 * Then {@code rounds - 1} more rounds of the timed phases (warm-up, 1 client, 8 clients) on freshly started engines,
 * ours first in even rounds (ABBA); throughput, latency and processor time are over all rounds.
 * The year simulation (issue 9, part 3) is {@link YearSimulation}, run with the same profile.
 */
public final class EngineBenchmark {

    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    private final Map<String, Timed> timed = Map.of("baseline", new Timed(), "ours", new Timed());

    private EngineBenchmark(String[] args) {
        sizes.put("warmUp", 200);
        sizes.put("sqlInstances", 50);
        sizes.put("throughput1", 300);
        sizes.put("throughput8", 1200);
        sizes.put("asyncJobs", 2000);
        sizes.put("timers", 300);
        sizes.put("openTasks", 50_000);
        sizes.put("queryRepeats", 30);
        sizes.put("rounds", 2);
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
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (EngineUnderTest baseline = EngineUnderTest.baseline(postgres)) {
                results.put("baseline", measure(baseline));
            }
            try (EngineUnderTest ours = EngineUnderTest.ours(postgres)) {
                results.put("ours", measure(ours));
            }
            moreRounds(postgres);
        }
        results.forEach((name, figures) -> {
            Timed pooled = timed.get(name);
            pooled.putInto(figures);
            figures.put("history cleanup / creation rate at 8 clients",
                figures.get("history cleanup (instances/s)") / pooled.throughput8());
        });
        print(results, started);
    }

    private Map<String, Double> measure(EngineUnderTest engine) throws Exception {
        Map<String, Double> figures = new LinkedHashMap<>();
        RestClient rest = new RestClient(engine);
        log(engine, "warm-up");
        AtomicInteger sequence = new AtomicInteger(1_000_000);
        clients(1, sizes.get("warmUp"), rest, sequence);

        log(engine, "SQL per instance (engine API)");
        SqlCounter.Counts api = engine.sqlPerInstanceThroughEngineApi(20, sizes.get("sqlInstances"));
        figures.put("SQL statements / instance (engine API)", api.statements());
        figures.put("JDBC executions / instance (engine API, a batch counts once)", api.executions());
        figures.put("commits / instance (engine API)", api.commits());
        SqlCounter.Counts anonymous = engine.sqlPerInstanceThroughEngineApi(5, sizes.get("sqlInstances"), false);
        figures.put("JDBC executions / instance (engine API, no authenticated user)", anonymous.executions());

        long historyBefore = engine.historyBytes();
        long finishedBefore = finished(engine);

        log(engine, "SQL per instance through HTTP");
        engine.sql.reset(false);
        int counted = sizes.get("sqlInstances");
        clients(1, counted, rest, sequence);
        SqlCounter.Counts http = engine.sql.counts(counted);
        figures.put("SQL statements / instance (HTTP, 1 client, all threads)", http.statements());
        figures.put("commits / instance (HTTP, 1 client, all threads)", http.commits());
        // from here on nothing is counted: the timed phases run on the data source's own connections
        engine.sql.bypass(true);

        Timed timed = this.timed.get(engine.name);
        timedPhases(engine, rest, sequence, timed);
        // where the timed figures go in the table; they are filled in once every round has run (run())
        timed.putInto(figures);

        long finishedNow = finished(engine);
        figures.put("history bytes / finished instance (disk, indexes included)",
            (engine.historyBytes() - historyBefore) / (double) (finishedNow - finishedBefore));

        log(engine, "history cleanup of " + finishedNow + " finished instances");
        figures.put("history cleanup (instances/s)", cleanup(engine, finishedNow));
        figures.put("history cleanup / creation rate at 8 clients", Double.NaN); // after the last round

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
        figures.putAll(taskListQueries(rest, sizes.get("queryRepeats")));
        return figures;
    }

    private record Run(double seconds, List<Long> latencies) {
    }

    /**
     * Throughput and latency with 1 and with 8 clients, summed over the rounds of one engine: instances over seconds,
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

    /** One round of the timed phases: 1 client, then 8 clients, on unproxied connections. */
    private void timedPhases(EngineUnderTest engine, RestClient rest, AtomicInteger sequence, Timed timed) throws Exception {
        log(engine, "throughput, 1 client");
        int n1 = sizes.get("throughput1");
        Run one = clients(1, n1, rest, sequence);
        timed.instances1 += n1;
        timed.seconds1 += one.seconds;
        timed.latencies1.addAll(one.latencies);

        log(engine, "throughput, 8 clients");
        int n8 = sizes.get("throughput8");
        CpuMeter.Sample cpuBefore = CpuMeter.now();
        Run eight = clients(8, n8, rest, sequence);
        CpuMeter.Sample cpu = CpuMeter.now().minus(cpuBefore);
        timed.instances8 += n8;
        timed.seconds8 += eight.seconds;
        timed.latencies8.addAll(eight.latencies);
        timed.cpu8 = timed.cpu8.plus(cpu);
        timed.postgresCpuKnown &= cpuBefore.postgres() >= 0;
        timed.stealKnown &= cpuBefore.stolen() >= 0;
    }

    /**
     * The timed phases again on a freshly started engine and database, for rounds 2, 3, ...: in the order ours,
     * baseline in even rounds and baseline, ours in odd ones (ABBA), so that a machine that gets slower or faster
     * during the run (a shared virtual machine does) favours neither.
     */
    private void moreRounds(EmbeddedPostgres postgres) throws Exception {
        for (int round = 2; round <= sizes.get("rounds"); round++) {
            List<String> order = round % 2 == 0 ? List.of("ours", "baseline") : List.of("baseline", "ours");
            for (String name : order) {
                try (EngineUnderTest engine = name.equals("ours") ? EngineUnderTest.ours(postgres) : EngineUnderTest.baseline(postgres)) {
                    RestClient rest = new RestClient(engine);
                    AtomicInteger sequence = new AtomicInteger(round * 10_000_000);
                    log(engine, "round " + round + ", warm-up");
                    clients(1, sizes.get("warmUp"), rest, sequence);
                    engine.sql.bypass(true);
                    timedPhases(engine, rest, sequence, timed.get(name));
                }
            }
        }
    }

    /** {@code clients} staff clients work through {@code instances} applications between them. */
    private static Run clients(int clients, int instances, RestClient rest, AtomicInteger sequence) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger remaining = new AtomicInteger(instances);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    for (long latency : rest.runOneInstance(sequence.getAndIncrement())) {
                        latencies.add(latency);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return new Run(seconds, latencies);
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
        Map<String, Object> queue = new LinkedHashMap<>();
        queue.put("candidateGroup", "izgim-officers");
        Map<String, Object> sorted = new LinkedHashMap<>(queue);
        sorted.put("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"),
            Map.of("sortBy", "priority", "sortOrder", "desc")));
        Map<String, Object> filtered = new LinkedHashMap<>(sorted);
        filtered.put("processVariables", List.of(Map.of("name", "requestedAmount", "operator", "eq", "value", 2500)));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("task list, first page of 15 (ms, median)",
            time(repeats, () -> rest.post("/task?firstResult=0&maxResults=15", sorted, 200).size()));
        figures.put("task list, count (ms, median)",
            time(repeats, () -> rest.post("/task/count", queue, 200).get("count").asInt()));
        figures.put("task list, first page with a variable filter (ms, median)",
            time(repeats, () -> rest.post("/task?firstResult=0&maxResults=15", filtered, 200).size()));
        return figures;
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
