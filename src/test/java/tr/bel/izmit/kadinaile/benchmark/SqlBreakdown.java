package tr.bel.izmit.kadinaile.benchmark;

/**
 * Where the SQL of one finished instance goes, per engine configuration: executions per statement text (engine API,
 * counted on one thread). A tool for tuning: {@code mvn -Pbenchmark verify -Dbenchmark.main=...SqlBreakdown}.
 */
public final class SqlBreakdown {

    public static void main(String[] args) throws Exception {
        EngineUnderTest.eachInTurn(SqlBreakdown::print);
        System.exit(0);
    }

    private static void print(EngineUnderTest engine) {
        engine.sql.detailed(true);
        engine.sqlPerInstanceThroughEngineApi(10, 0 + 1);
        System.out.printf("%n=== SQL of one instance [%s] revokes %s, removal time %s%n", engine.name,
            engine.configuration().getAuthorizationCheckRevokes(), engine.configuration().getHistoryRemovalTimeStrategy());
        engine.sql.executionsByStatement().forEach((statement, count) -> System.out.printf("%4d  %s%n", count, statement));
    }
}
