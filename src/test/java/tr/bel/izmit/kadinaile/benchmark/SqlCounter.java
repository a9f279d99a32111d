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
 * for deterministic figures, only the thread that asked for it. {@link #bypass(boolean)} hands out the data source's own
 * connections instead, for timed phases: through the proxy every JDBC call goes through reflection and the listeners,
 * which cost about 8 % of a request's processor time in the benchmark, in a place neither engine has in production.
 */
public final class SqlCounter implements BeanPostProcessor {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile Thread onlyThread;
    private volatile java.util.function.Predicate<String> capture;
    private final java.util.List<Captured> captured = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Map<String, AtomicLong> byStatement = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final java.util.Map<String, AtomicLong> nanosByStatement = new java.util.concurrent.ConcurrentHashMap<>();
    private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);
    /** Per statement text too (executions and time): off in the timed phases, where it would cost what it measures. */
    private volatile boolean detailed;
    private volatile boolean bypassed;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource) && !(bean instanceof ProxySwitch)) {
            return new ProxySwitch(dataSource, ProxyDataSourceBuilder.create(dataSource)
                .name(beanName)
                .beforeQuery((execution, queries) -> {
                    if (detailed) {
                        started.get()[0] = System.nanoTime();
                    }
                })
                .afterQuery((execution, queries) -> {
                    if (counts()) {
                        executions.incrementAndGet();
                        java.util.function.Predicate<String> wanted = capture;
                        if (wanted != null) {
                            queries.stream().filter(q -> wanted.test(q.getQuery())).forEach(q -> captured.add(new Captured(q.getQuery(),
                                q.getParametersList().isEmpty() ? java.util.List.of() : q.getParametersList().get(0))));
                        }
                        if (detailed) {
                            long nanos = System.nanoTime() - started.get()[0];
                            queries.forEach(q -> byStatement.computeIfAbsent(shape(q.getQuery()), k -> new AtomicLong()).incrementAndGet());
                            // a batch's time goes to its first statement's text
                            nanosByStatement.computeIfAbsent(shape(queries.get(0).getQuery()), k -> new AtomicLong()).addAndGet(nanos);
                        }
                        statements.addAndGet(execution.isBatch() ? Math.max(execution.getBatchSize(), 1) : queries.size());
                    }
                })
                .afterMethod(context -> {
                    if (context.getTarget() instanceof Connection && "commit".equals(context.getMethod().getName()) && counts()) {
                        commits.incrementAndGet();
                    }
                })
                .build(), () -> !bypassed);
        }
        return bean;
    }

    /**
     * Whether new connections (a transaction takes one at its start) bypass the counting: switch between phases, not
     * while a transaction runs.
     */
    public void bypass(boolean on) {
        bypassed = on;
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

    /** Statement time (sent until answered, as the engine waits for it) per statement text, in nanoseconds. */
    public java.util.Map<String, Long> nanosByStatement() {
        java.util.Map<String, Long> copy = new java.util.TreeMap<>();
        nanosByStatement.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Whether to count per statement text too (see {@link #executionsByStatement()}). */
    public void detailed(boolean on) {
        detailed = on;
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
        nanosByStatement.clear();
    }

    public Counts counts(long instances) {
        return new Counts(statements.get() / (double) instances, executions.get() / (double) instances,
            commits.get() / (double) instances);
    }

    /** Per finished instance. */
    public record Counts(double statements, double executions, double commits) {
    }
}
