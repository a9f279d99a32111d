package tr.bel.izmit.kadinaile.benchmark;

import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.KadinAileApplication;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution;

/**
 * One engine configuration under measurement, on its own fresh PostgreSQL database: {@link #baseline} (the open
 * starter: the starter's defaults, REST API open, authorization off), {@link #securedBaseline} (the starter secured
 * as Camunda documents it) or {@link #ours} (the application with its own configuration, profile {@code postgres}).
 * Each deploys the benchmark's models (src/test/resources/benchmark) and nothing else is started in them by the
 * benchmark.
 */
public final class EngineUnderTest implements AutoCloseable {

    static final String MICROCREDIT = "microcredit-benchmark";
    static final String ASYNC_JOB = "async-job-benchmark";
    static final String TIMER = "timer-benchmark";
    static final String STAFF_USER = "bench.staff";
    static final String STAFF_PASSWORD = "bench-Staff-Password-1";
    static final List<String> STAFF_GROUPS = List.of(StaffGroup.IZGIM_OFFICERS.id(),
        ENTREPRENEURSHIP_MENTORS.id(), MICROCREDIT_COMMITTEE.id());

    /** The engine's history tables of this database, as pg_class rows {@code c}. */
    private static final String HISTORY_TABLES = "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        + "where c.relkind = 'r' and c.relname like 'act\\_hi\\_%' and n.nspname = current_schema()";

    final String name;
    final ConfigurableApplicationContext context;
    final SqlCounter sql;
    final ProcessEngine engine;
    final String jdbcUrl;
    final boolean authenticated;

    private EngineUnderTest(String name, ConfigurableApplicationContext context, SqlCounter sql, String jdbcUrl,
            boolean authenticated) {
        this.name = name;
        this.context = context;
        this.sql = sql;
        this.jdbcUrl = jdbcUrl;
        this.authenticated = authenticated;
        this.engine = context.getBean(ProcessEngine.class);
        ProcessEngines.registerProcessEngine(engine);
        engine.getRepositoryService().createDeployment().name("benchmark")
            .addClasspathResource("benchmark/microcredit-benchmark.bpmn")
            .addClasspathResource("benchmark/async-job-benchmark.bpmn")
            .addClasspathResource("benchmark/timer-benchmark.bpmn")
            .deploy();
    }

    /** What a tool does with one engine under test. */
    @FunctionalInterface
    interface Use {
        void accept(EngineUnderTest engine) throws Exception;
    }

    /** Starts one embedded PostgreSQL and on it, in turn, the open starter, the secured starter and ours, each handed to {@code use}. */
    static void eachInTurn(Use use) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (EngineUnderTest baseline = baseline(postgres)) {
                use.accept(baseline);
            }
            try (EngineUnderTest secured = securedBaseline(postgres)) {
                use.accept(secured);
            }
            try (EngineUnderTest ours = ours(postgres)) {
                use.accept(ours);
            }
        }
    }

    /**
     * Spring Security's auto-configuration, on the benchmark's class path only because our application uses Spring
     * Security (issue 24). The starter as it ships has no Spring Security; left on, Spring Boot's default chain would
     * answer 401 to every request of both baselines (it did, unnoticed, from issue 24's merge until
     * {@code SqlPerInstanceIT.shouldServeTheBaselinesRestApiAsTheStarterShipsIt} was added).
     */
    static final String NOT_IN_THE_STARTER = String.join(",",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration");

    /** Camunda 7.24 with the starter's out-of-the-box settings. */
    public static EngineUnderTest baseline(EmbeddedPostgres postgres) {
        String url = createDatabase(postgres, "bench_baseline");
        SqlCounter sql = new SqlCounter();
        Map<String, Object> properties = new HashMap<>();
        // no application.properties of ours: only what any starter user must set herself
        properties.put("spring.config.name", "benchmark-baseline");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.flyway.enabled", "false");
        properties.put("camunda.bpm.auto-deployment-enabled", "false");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.autoconfigure.exclude", NOT_IN_THE_STARTER);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BaselineEngine.class)
            .initializers(c -> c.getBeanFactory().addBeanPostProcessor(sql))
            .properties(properties)
            .run();
        return new EngineUnderTest("open", context, sql, url, false);
    }

    /**
     * The starter secured the way Camunda documents it (issue 26, {@link SecuredBaselineEngine}): authorization on, the
     * REST API behind Camunda's HTTP Basic filter, the benchmark's staff member and her groups in the engine's own
     * identity tables, and the grants Camunda's documentation gives caseworkers: access to Tasklist for each group, and
     * for each task the authorization the engine itself creates for its candidate group (READ and the default task
     * permission, UPDATE) when it creates the task. No grant on the process definition (that would let every group
     * read and complete every task of the process, which the per-task rows are there to prevent).
     */
    public static EngineUnderTest securedBaseline(EmbeddedPostgres postgres) {
        String url = createDatabase(postgres, "bench_secured");
        SqlCounter sql = new SqlCounter();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.config.name", "benchmark-secured");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.flyway.enabled", "false");
        properties.put("camunda.bpm.auto-deployment-enabled", "false");
        properties.put("camunda.bpm.authorization.enabled", "true");
        // the shipped default allows letters and digits only; İzmit's group ids have hyphens and user ids dots, so any
        // deployment with them must widen the patterns (ours does the same); no effect on how anything is checked
        properties.put("camunda.bpm.generic-properties.properties.userResourceWhitelistPattern", "[a-zA-Z0-9._-]+");
        properties.put("camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern", "[a-zA-Z0-9._-]+");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.autoconfigure.exclude", NOT_IN_THE_STARTER);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SecuredBaselineEngine.class)
            .initializers(c -> c.getBeanFactory().addBeanPostProcessor(sql))
            .properties(properties)
            .run();
        EngineUnderTest secured = new EngineUnderTest("secured", context, sql, url, true);
        IdentityService identity = secured.engine.getIdentityService();
        AuthorizationService authorizations = secured.engine.getAuthorizationService();
        for (String groupId : STAFF_GROUPS) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            tasklist.setGroupId(groupId);
            tasklist.setResource(Resources.APPLICATION);
            tasklist.setResourceId("tasklist");
            tasklist.addPermission(Permissions.ACCESS);
            authorizations.saveAuthorization(tasklist);
        }
        secured.createStaffMember();
        return secured;
    }

    /** The application with its own engine configuration (profile postgres, as in production). */
    public static EngineUnderTest ours(EmbeddedPostgres postgres) {
        String url = createDatabase(postgres, "bench_ours");
        SqlCounter sql = new SqlCounter();
        Map<String, Object> properties = applicationProperties(url, "bench-Admin-Password-1");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KadinAileApplication.class, BenchmarkAccess.class)
            .profiles("postgres")
            .initializers(c -> c.getBeanFactory().addBeanPostProcessor(sql))
            .properties(properties)
            .run();
        EngineUnderTest ours = new EngineUnderTest("ours", context, sql, url, true);
        ours.createStaffMember();
        return ours;
    }

    /** The benchmark's staff member, in the three groups whose tasks the benchmark's applications pass through. */
    private void createStaffMember() {
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(STAFF_USER);
        user.setFirstName("Kıyaslama");
        user.setLastName("Personeli");
        user.setPassword(STAFF_PASSWORD);
        identity.saveUser(user);
        STAFF_GROUPS.forEach(group -> identity.createMembership(STAFF_USER, group));
    }

    /** What profile {@code postgres} asks of its environment, for a fresh database at {@code url}, port 0. */
    static Map<String, Object> applicationProperties(String url, String adminPassword) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, Object> properties = new HashMap<>();
        properties.put("DB_URL", url);
        properties.put("DB_USER", "postgres");
        properties.put("ADMIN_PASSWORD", adminPassword);
        properties.put("VIOLENCE_LINE_DATA_KEY", Base64.getEncoder().encodeToString(key));
        byte[] izgimKey = new byte[32];
        new SecureRandom().nextBytes(izgimKey);
        properties.put("IZGIM_DATA_KEY", Base64.getEncoder().encodeToString(izgimKey));
        properties.put("SECURE_COOKIES", "false");
        properties.put("PORT", "0");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    /** A fresh database on the embedded server. */
    static String createDatabase(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    /**
     * Makes this engine the one the REST API finds. Both starters' REST APIs look their engine up by name in
     * Camunda's JVM-wide registry ({@link ProcessEngines}), and both engines are called {@code default}; with two
     * engines alive in one JVM, the last one registered answers on both ports. Call it before this engine's clients
     * send anything, while the other engine's clients are idle.
     */
    void serveRestApi() {
        ProcessEngines.registerProcessEngine(engine);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    /** Staff act as themselves (ours, the secured starter) or anonymously (the open starter's REST API has no authentication). */
    void actAsStaff(boolean on) {
        if (authenticated && on) {
            engine.getIdentityService().setAuthentication(STAFF_USER, STAFF_GROUPS);
        } else {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * Starts one application as the application does (the portal's server side, no authenticated user): a person may
     * start only with a start form's fields (engine.HumanCommandGuard), and the benchmark's start carries the
     * variables our intake listener would have left, which no form has. Returns the instance.
     */
    ProcessInstance startAsApplication(int sequence) {
        return engine.getRuntimeService()
            .startProcessInstanceByKey(MICROCREDIT, Workload.trackingCode(sequence), Workload.startVariables(sequence));
    }

    /** One application through the engine's Java API, from the start through the three staff decisions to the end. */
    void runOneInstanceThroughEngineApi(int sequence, boolean asStaff) {
        try {
            // the staff decisions follow the application's start, with their forms' fields
            ProcessInstance instance = startAsApplication(sequence);
            actAsStaff(asStaff);
            for (Map<String, Object> decision : Workload.decisions()) {
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
                engine.getTaskService().complete(task.getId(), decision);
            }
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
                throw new IllegalStateException("the instance did not end");
            }
        } finally {
            actAsStaff(false);
        }
    }

    /** Statements, executions and commits per finished instance, counted on this thread only: deterministic. */
    SqlCounter.Counts sqlPerInstanceThroughEngineApi(int warmUp, int instances) {
        return sqlPerInstanceThroughEngineApi(warmUp, instances, true);
    }

    /** The same, with staff authenticated (ours: authorization checks, user operation log) or anonymously. */
    SqlCounter.Counts sqlPerInstanceThroughEngineApi(int warmUp, int instances, boolean asStaff) {
        for (int i = 0; i < warmUp; i++) {
            runOneInstanceThroughEngineApi(-1 - i, asStaff);
        }
        sql.reset(true);
        for (int i = 0; i < instances; i++) {
            runOneInstanceThroughEngineApi(i, asStaff);
        }
        SqlCounter.Counts counts = sql.counts(instances);
        return counts;
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** A plain connection to the same database, outside the counted data source. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /** {@code VACUUM ANALYZE} of the whole database (statistics and visibility map, as autovacuum leaves them). */
    void vacuumAnalyze() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("vacuum analyze failed on " + name, e);
        }
    }

    long queryLong(String sqlText) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sqlText)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes on disk of the history tables, their indexes and TOAST included. */
    long historyBytes() {
        return queryLong("select coalesce(sum(pg_total_relation_size(c.oid)), 0) " + HISTORY_TABLES);
    }

    /**
     * The history tables rewritten compactly ({@code VACUUM FULL}: no dead rows, no free space, indexes rebuilt), then
     * the bytes of each, indexes and TOAST included: what the history holds, apart from when autovacuum last came by.
     * Takes each table's exclusive lock for a moment; call it between phases.
     */
    Map<String, Long> compactHistoryBytes() {
        List<String> tables = new ArrayList<>();
        Map<String, Long> bytes = new TreeMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select c.relname " + HISTORY_TABLES)) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("vacuum full " + table);
                try (ResultSet result = statement.executeQuery("select pg_total_relation_size('" + table + "')")) {
                    result.next();
                    bytes.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("vacuum full of the history tables failed on " + name, e);
        }
        return bytes;
    }

    @Override
    public void close() {
        ProcessEngines.unregister(engine);
        context.close();
    }
}
