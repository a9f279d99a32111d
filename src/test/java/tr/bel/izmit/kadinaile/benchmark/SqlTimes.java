package tr.bel.izmit.kadinaile.benchmark;

import java.util.Map;

/**
 * Where an instance's SQL time goes through the HTTP API, per engine configuration: for each statement text, its
 * executions and the time from sending it until its answer, per finished instance, one client (so that the time is
 * the database's and the connection's, not a wait for the processor), largest first. A tool for tuning:
 * {@code mvn -Pbenchmark verify -Dbenchmark.main=tr.bel.izmit.kadinaile.benchmark.SqlTimes}.
 */
public final class SqlTimes {

    private static final int WARM_UP = 200;
    private static final int INSTANCES = 300;

    public static void main(String[] args) throws Exception {
        EngineUnderTest.eachInTurn(SqlTimes::print);
        System.exit(0);
    }

    private static void print(EngineUnderTest engine) {
        RestClient rest = new RestClient(engine);
        for (int i = 0; i < WARM_UP; i++) {
            rest.runOneInstance(2_000_000 + i);
        }
        engine.sql.reset(false);
        engine.sql.detailed(true);
        for (int i = 0; i < INSTANCES; i++) {
            rest.runOneInstance(3_000_000 + i);
        }
        engine.sql.detailed(false);
        Map<String, Long> executions = engine.sql.executionsByStatement();
        Map<String, Long> nanos = engine.sql.nanosByStatement();
        double total = nanos.values().stream().mapToLong(Long::longValue).sum() / 1e6 / INSTANCES;
        System.out.printf("%n=== SQL time of one instance through HTTP [%s]: %.2f ms%n", engine.name, total);
        nanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(entry ->
            System.out.printf("%7.3f ms %6.2f x  %s%n", entry.getValue() / 1e6 / INSTANCES,
                executions.getOrDefault(entry.getKey(), 0L) / (double) INSTANCES, entry.getKey()));
    }
}
