package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A PostgreSQL database made by the migration scheme before issue 24 (the engine created its own tables with
 * {@code schema-update=true}; our tables in {@code app_schema_history} up to V12_1; the engine-table migrations in a
 * second history, {@code app_engine_migration_history}, up to V6) is taken over by the one history without a hand
 * step: V18 adopts the engine's tables, V19-V20 find their work done, V21 drops the old history. A case running
 * before goes on.
 */
@SpringBootTest
@ActiveProfiles("test")
class OldMigrationSchemeAdoptionIT {

    static final String OLD_CASE = "case-from-before";

    static EmbeddedPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;

    @DynamicPropertySource
    static void databaseOfTheOldScheme(DynamicPropertyRegistry registry) {
        String url = oldSchemeDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldTakeOverADatabaseOfTheOldSchemeInOneHistory() {
        List<String> applied = jdbc.queryForList("select \"version\" from app_schema_history where \"success\" and \"installed_rank\" >"
            + " (select \"installed_rank\" from app_schema_history where \"version\" = '12.1') order by \"installed_rank\"", String.class);
        // the adoption (18: the engine's tables, 19-21: their indexes, the old history retired), then the migrations of
        // later issues (22 and on), which a database of the old scheme gets like any other
        assertThat(applied).startsWith("18", "19", "19.1", "19.2", "19.3", "19.4", "20", "21");
        assertThat(applied.subList(8, applied.size())).allMatch(version -> Double.parseDouble(version) >= 22);
        assertThat(jdbc.queryForObject("select count(*) from app_schema_history where not \"success\"", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = 'app_engine_migration_history'",
            Integer.class)).isZero();
        // the engine's tables were adopted, not made again: one schema log entry, the engine's own of 7.24.0
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).containsExactly("7.24.0");
        assertThat(jdbc.queryForObject("select count(*) from pg_indexes where indexname = 'ka_idx_task_queue_order'",
            Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = 'ka_stat_variable_values'",
            Integer.class)).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(OLD_CASE).count()).isOne();
    }

    private static String oldSchemeDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        // in the order the application of the old scheme took: our Flyway on the empty database, then the engine
        Flyway.configure().dataSource(url, "postgres", null)
            .locations("classpath:db/migration", "classpath:db/vendor/postgresql").table("app_schema_history")
            .target("12.1").load().migrate();
        engineCreatesItsOwnTablesAndRunsACase(url);
        Flyway.configure().dataSource(url, "postgres", null)
            .locations("classpath:db/scheme-before-issue-24/engine", "classpath:db/scheme-before-issue-24/engine-vendor/postgres")
            .table("app_engine_migration_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return url;
    }

    private static void engineCreatesItsOwnTablesAndRunsACase(String url) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("");
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setCmmnEnabled(false);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEngineName("old-scheme");
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("adoption.bpmn",
                Bpmn.createExecutableProcess("adoption-check").camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task_Wait").endEvent().done()).deploy();
            engine.getRuntimeService().startProcessInstanceByKey("adoption-check", OLD_CASE);
        } finally {
            engine.close();
        }
    }
}
