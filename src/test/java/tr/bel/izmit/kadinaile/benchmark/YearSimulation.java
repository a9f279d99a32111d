package tr.bel.izmit.kadinaile.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.KadinAileApplication;
import tr.bel.izmit.kadinaile.metrics.ActivityReport;
import tr.bel.izmit.kadinaile.metrics.Dashboard;

/**
 * "A year in minutes" (issue 9, part 3): plays one calendar year of İzmit's volume ({@link SimulatedYear}) through the
 * real processes of {@link KadinAileApplication} with profile {@code postgres} on a fresh embedded PostgreSQL 16, then
 * prints the wall time (per phase), the instances per process, the activity report of the year next to the
 * simulation's own tally, and how long the activity report and the dashboard take on that year of data (median of 5
 * after a warm-up). Run with
 *
 * <pre>mvn -B -ntp -Pbenchmark verify -Dbenchmark.main=tr.bel.izmit.kadinaile.benchmark.YearSimulation</pre>
 *
 * and, for another size or seed, {@code -Dbenchmark.args="scale=0.1 seed=7 threads=4"}. Results: docs/benchmarks.md.
 */
public final class YearSimulation {

    private final Map<String, String> args = new LinkedHashMap<>();

    private YearSimulation(String[] arguments) {
        args.put("scale", "1");
        args.put("seed", "2025");
        args.put("year", "2025");
        args.put("threads", "4");
        for (String arg : arguments) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !args.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown argument " + arg + "; known: " + args.keySet());
            }
            args.put(pair[0], pair[1]);
        }
    }

    public static void main(String[] arguments) {
        int status = 2;
        try {
            status = new YearSimulation(arguments).run();
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        double scale = Double.parseDouble(args.get("scale"));
        long seed = Long.parseLong(args.get("seed"));
        int year = Integer.parseInt(args.get("year"));
        int threads = Integer.parseInt(args.get("threads"));
        SimulatedYear.Volumes volumes = SimulatedYear.Volumes.IZMIT.scaled(scale);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             SimulatedMarketplace marketplace = new SimulatedMarketplace()) {
            long boot = System.nanoTime();
            StatementTimes statements = new StatementTimes();
            ConfigurableApplicationContext context = start(postgres, marketplace, statements);
            Duration startUp = Duration.ofNanos(System.nanoTime() - boot);
            try {
                SimulatedYear simulation = SimulatedYear.of(context, volumes, seed, year, threads);
                long begin = System.nanoTime();
                simulation.play();
                Duration played = Duration.ofNanos(System.nanoTime() - begin);
                // issue 26: what the application holds once the year is over (before the report's queries)
                Memory.Sample memory = Memory.steady();
                ClockUtil.reset();
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                jdbc.execute("analyze");
                SimulatedYear.Comparison comparison = simulation.compare();
                print(simulation, volumes, scale, seed, threads, startUp, played, jdbc, comparison, marketplace);
                System.out.printf(Locale.ROOT, "%nYEAR memory after the year: %s%n", memory.describe());
                timeQueries(context, year, statements);
                System.out.printf(Locale.ROOT, "%nYEAR done in %s (started %s)%n", Duration.between(started, Instant.now()), started);
                return comparison.differences().isEmpty() ? 0 : 1;
            } finally {
                context.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, SimulatedMarketplace marketplace,
            StatementTimes statements) {
        String url = EngineUnderTest.createDatabase(postgres, "year_simulation");
        Map<String, Object> properties = EngineUnderTest.applicationProperties(url, "year-Admin-Password-1");
        properties.put("MARKETPLACE_URL", marketplace.baseUrl());
        properties.put("MARKETPLACE_API_KEY", SimulatedMarketplace.API_KEY);
        // above the application's own properties (the default properties above only fill its placeholders):
        // the simulation executes the due jobs itself after moving the clock (no sleeping for time to pass); no SMTP
        // server here, so e-mails go to the log transport (sent after each commit as in production), logged quietly
        String[] overrides = {
            "--camunda.bpm.job-execution.enabled=false",
            "--app.notification.email-transport=log",
            "--logging.level.tr.bel.izmit.kadinaile.notification=WARN",
            "--logging.level.org.camunda.bpm.engine.context=OFF",
            // İZGİM's calendar: its reminders and waiting-line tick run on the wall clock, off here (the year moves its own)
            "--app.izgim.calendar.reminder-interval=P3650D",
            "--app.izgim.calendar.reminder-initial-delay=P3650D"};
        return new SpringApplicationBuilder(KadinAileApplication.class)
            .profiles("postgres")
            .initializers(c -> c.getBeanFactory().addBeanPostProcessor(statements))
            .properties(properties)
            .run(overrides);
    }

    private static void print(SimulatedYear simulation, SimulatedYear.Volumes volumes, double scale, long seed, int threads,
            Duration startUp, Duration played, JdbcTemplate jdbc, SimulatedYear.Comparison comparison,
            SimulatedMarketplace marketplace) {
        System.out.printf(Locale.ROOT, "%nYEAR %d, scale %s, seed %d, %d threads, %d cores, max heap %d MB%n", simulation.year,
            scale, seed, threads, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "YEAR volumes: %s%n", volumes);
        System.out.printf(Locale.ROOT, "YEAR application start-up: %s%n", seconds(startUp));
        System.out.printf(Locale.ROOT, "YEAR the year played in: %s%n", seconds(played));
        simulation.phases().forEach((phase, time) -> System.out.printf(Locale.ROOT, "YEAR   %-28s %s%n", phase, seconds(time)));
        System.out.printf(Locale.ROOT, "YEAR where the time went (wall time of the parallel parts):%n");
        simulation.spent().forEach((what, time) -> System.out.printf(Locale.ROOT, "YEAR   %-68s %s%n", what, seconds(time)));
        simulation.counts().forEach((what, n) -> System.out.printf(Locale.ROOT, "YEAR   %-68s %,d%n", what, n));
        System.out.printf(Locale.ROOT, "YEAR each kind of work on its thread (number, total, mean):%n");
        simulation.took().forEach((what, sum) -> System.out.printf(Locale.ROOT, "YEAR   %-68s %,7d %8.1f s %7.1f ms%n", what,
            sum[0], sum[1] / 1000.0, sum[1] / (double) sum[0]));

        System.out.printf(Locale.ROOT, "%nYEAR instances per process (history):%n");
        jdbc.query("select proc_def_key_, count(*) as n, sum(case when end_time_ is null then 1 else 0 end) as running "
            + "from act_hi_procinst group by proc_def_key_ order by proc_def_key_", rs -> {
                System.out.printf(Locale.ROOT, "YEAR   %-26s %,7d instances, %,6d still running%n", rs.getString(1), rs.getLong(2),
                    rs.getLong(3));
            });
        System.out.printf(Locale.ROOT, "YEAR   %-26s %,7d activity instances, %,d tasks, %,d jobs left, %,d shops on the marketplace%n",
            "all", count(jdbc, "act_hi_actinst"), count(jdbc, "act_hi_taskinst"), count(jdbc, "act_ru_job"),
            marketplace.shopsOpened());

        System.out.printf(Locale.ROOT, "%nYEAR what the simulation submitted and decided:%n");
        for (SimulatedYear.Part part : simulation.parts()) {
            part.tally().forEach((what, n) -> System.out.printf(Locale.ROOT, "YEAR   %-22s %-58s %,d%n",
                part.getClass().getSimpleName(), what, n));
        }
        System.out.printf(Locale.ROOT, "%nYEAR problems (refused actions, failed jobs): %s%n", simulation.problems());

        System.out.printf(Locale.ROOT, "%nYEAR activity report %d-01-01 .. %d-12-31 (GET /api/reports/activity):%n%s%n",
            simulation.year, simulation.year, comparison.report().toPrettyString());
        System.out.printf(Locale.ROOT, "%nYEAR %-62s %14s %14s%n", "figure", "report", "simulation");
        comparison.reported().forEach((name, value) -> {
            String expected = comparison.expected().get(name);
            System.out.printf(Locale.ROOT, "YEAR %-62s %14s %14s%s%n", name, value, expected, value.equals(expected) ? "" : "  <-- differs");
        });
        comparison.expected().keySet().stream().filter(name -> !comparison.reported().containsKey(name))
            .forEach(name -> System.out.printf(Locale.ROOT, "YEAR %-62s %14s %14s  <-- missing in the report%n", name, "-",
                comparison.expected().get(name)));
        System.out.printf(Locale.ROOT, "YEAR figures that differ: %d%n", comparison.differences().size());
    }

    /** Issue 7: the report and the dashboard at a year of real process data, median of 5 after a warm-up. */
    private static void timeQueries(ConfigurableApplicationContext context, int year, StatementTimes statements) {
        ActivityReport report = context.getBean(ActivityReport.class);
        Dashboard dashboard = context.getBean(Dashboard.class);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        System.out.printf(Locale.ROOT, "%nYEAR query times at this year of data (median of 5 after a warm-up):%n");
        time("activity report, whole year", () -> report.report(from, to));
        time("activity report, one month", () -> report.report(LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 30)));
        time("dashboard, whole year", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to)));
        time("dashboard, one month", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM,
            LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 30))));
        slowestStatements(statements, dashboard, from, to);

        // the index docs/metrics.md proposes to a DBA (the engine's own table, so not in our migrations): measured here
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("create index ix_hi_actinst_act_end on act_hi_actinst (act_id_, end_time_)");
        jdbc.execute("analyze act_hi_actinst");
        System.out.printf(Locale.ROOT, "YEAR with the index act_hi_actinst (act_id_, end_time_):%n");
        time("dashboard, whole year", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to)));
        time("dashboard, one month", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM,
            LocalDate.of(year, 6, 1), LocalDate.of(year, 6, 30))));
        slowestStatements(statements, dashboard, from, to);
    }

    private static void slowestStatements(StatementTimes statements, Dashboard dashboard, LocalDate from, LocalDate to) {
        System.out.printf(Locale.ROOT, "YEAR the dashboard of the whole year, its slowest statements:%n");
        statements.during(() -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to))).entrySet().stream()
            .limit(4).forEach(e -> System.out.printf(Locale.ROOT, "YEAR   %6d ms %3dx  %s%n", e.getValue()[1], e.getValue()[0],
                e.getKey().length() > 150 ? e.getKey().substring(0, 150) + "…" : e.getKey()));
    }

    private static void time(String what, Supplier<?> call) {
        call.get();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long begin = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - begin) / 1e6);
        }
        millis.sort(Double::compare);
        System.out.printf(Locale.ROOT, "YEAR   %-32s median %8.1f ms   (min %.1f, max %.1f)%n", what, millis.get(2), millis.get(0),
            millis.get(4));
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
