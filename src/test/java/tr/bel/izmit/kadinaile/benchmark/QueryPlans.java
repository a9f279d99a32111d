package tr.bel.izmit.kadinaile.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * PostgreSQL's plans of the task-list queries (first page, count, variable filter) as each engine sends them, with
 * {@code openTasks} open tasks: a tool for choosing indexes, run like the benchmark with
 * {@code -Dbenchmark.main=tr.bel.izmit.kadinaile.benchmark.QueryPlans -Dbenchmark.args=5000}.
 */
public final class QueryPlans {

    public static void main(String[] args) throws Exception {
        int openTasks = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        EngineUnderTest.eachInTurn(engine -> explain(engine, openTasks));
        System.exit(0);
    }

    private static void explain(EngineUnderTest engine, int openTasks) throws Exception {
        EngineBenchmark.createOpenTasks(engine, openTasks);
        engine.queryLong("select count(*) from (select pg_stat_reset()) s");
        engine.vacuumAnalyze();
        RestClient rest = new RestClient(engine);
        Map<String, Object> queries = new LinkedHashMap<>();
        EngineBenchmark.taskListQueries(rest, 1);
        engine.sql.capture(sql -> sql.contains("ACT_RU_TASK") && !sql.startsWith("insert") && !sql.startsWith("update"));
        EngineBenchmark.taskListQueries(rest, 1);
        List<SqlCounter.Captured> captured = engine.sql.captured();
        for (SqlCounter.Captured statement : captured) {
            System.out.printf("%n=== [%s] %s%n", engine.name, statement.sql().replaceAll("\\s+", " "));
            plan(engine, statement).forEach(System.out::println);
        }
        queries.clear();
    }

    /** PostgreSQL's {@code EXPLAIN (ANALYZE, BUFFERS)} of a captured statement, on a connection of the engine's pool. */
    static List<String> plan(EngineUnderTest engine, SqlCounter.Captured statement) throws SQLException {
        List<String> lines = new ArrayList<>();
        // a connection of the engine's own pool: the session settings its connections start with apply
        try (Connection connection = engine.context.getBean(DataSource.class).getConnection();
             PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
            for (ParameterSetOperation parameter : statement.parameters()) {
                Object[] arguments = parameter.getArgs();
                if (parameter.getMethod().getName().equals("setNull")) {
                    explain.setNull((Integer) arguments[0], (Integer) arguments[1]);
                } else {
                    explain.setObject((Integer) arguments[0], arguments[1]);
                }
            }
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            }
        }
        return lines;
    }
}
