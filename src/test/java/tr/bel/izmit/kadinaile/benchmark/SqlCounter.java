package tr.bel.izmit.kadinaile.benchmark;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every data source of a Spring context in a datasource-proxy that counts SQL statements (each row of a JDBC
 * batch counts as one statement), JDBC executions (a batch counts once) and commits. Counts either every thread or,
 * for deterministic figures, only the thread that asked for it.
 */
public final class SqlCounter implements BeanPostProcessor {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile Thread onlyThread;
    private volatile java.util.function.Predicate<String> capture;
    private final java.util.List<Captured> captured = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Map<String, AtomicLong> byStatement = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource)
                .name(beanName)
                .afterQuery((execution, queries) -> {
                    if (counts()) {
                        executions.incrementAndGet();
                        java.util.function.Predicate<String> wanted = capture;
                        if (wanted != null) {
                            queries.stream().filter(q -> wanted.test(q.getQuery())).forEach(q -> captured.add(new Captured(q.getQuery(),
                                q.getParametersList().isEmpty() ? java.util.List.of() : q.getParametersList().get(0))));
                        }
                        queries.forEach(q -> byStatement.computeIfAbsent(shape(q.getQuery()), k -> new AtomicLong()).incrementAndGet());
                        statements.addAndGet(execution.isBatch() ? Math.max(execution.getBatchSize(), 1) : queries.size());
                    }
                })
                .afterMethod(context -> {
                    if (context.getTarget() instanceof Connection && "commit".equals(context.getMethod().getName()) && counts()) {
                        commits.incrementAndGet();
                    }
                })
                .build();
        }
        return bean;
    }

    private boolean counts() {
        Thread only = onlyThread;
        return only == null || only == Thread.currentThread();
    }

    private static String shape(String sql) {
        String flat = sql.replaceAll("\\s+", " ").trim();
        return flat.length() > 110 ? flat.substring(0, 110) : flat;
    }

    /** Executions per statement text (its first characters), for finding where the SQL goes. */
    public java.util.Map<String, Long> executionsByStatement() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        byStatement.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** From now on keeps the statements (with their first parameters) whose text matches. */
    public void capture(java.util.function.Predicate<String> statements) {
        captured.clear();
        capture = statements;
    }

    public java.util.List<Captured> captured() {
        capture = null;
        return java.util.List.copyOf(captured);
    }

    /** A statement as it was sent. */
    public record Captured(String sql, java.util.List<net.ttddyy.dsproxy.proxy.ParameterSetOperation> parameters) {
    }

    /** Starts counting from zero: on the calling thread only, or on every thread. */
    public void reset(boolean callingThreadOnly) {
        onlyThread = callingThreadOnly ? Thread.currentThread() : null;
        statements.set(0);
        executions.set(0);
        commits.set(0);
        byStatement.clear();
    }

    public Counts counts(long instances) {
        return new Counts(statements.get() / (double) instances, executions.get() / (double) instances,
            commits.get() / (double) instances);
    }

    /** Per finished instance. */
    public record Counts(double statements, double executions, double commits) {
    }
}
