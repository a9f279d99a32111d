package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class EngineTableMigrationsTests {

    static final String HISTORY_TABLE = "app_schema_history";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void shouldHaveIndexedTheEngineTablesAfterTheEngineCreatedThem() {
        assertThat(jdbc.queryForList("select upper(index_name) from information_schema.indexes where upper(index_name) like 'KA_IDX_%'",
            String.class)).contains("KA_IDX_TASK_QUEUE_ORDER", "KA_IDX_IDENTITYLINK_GROUP_TASK", "KA_IDX_VARIABLE_NAME_LONG");
        // every common migration applied and none failed (V19_1-V19_4 are PostgreSQL's only), in the one history
        assertThat(jdbc.queryForList("select \"version\" from \"" + HISTORY_TABLE + "\" where \"success\"",
            String.class)).contains("18", "19", "20", "21").doesNotContain("19.1", "19.2", "19.3", "19.4");
        assertThat(jdbc.queryForObject("select count(*) from \"" + HISTORY_TABLE + "\" where not \"success\"",
            Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
            + " where lower(table_name) = 'app_engine_migration_history'", Integer.class)).isZero();
    }

    /**
     * The migration fence: the engine's tables are created by our migration V18 and must be the version of the engine
     * on the class path. A Camunda upgrade (a patch release too) fails here until a migration applies the engine's
     * upgrade script ({@code EngineSchema.upgrade}).
     */
    @Test
    void shouldHaveTheEngineTablesOfTheEngineOnTheClassPath() throws Exception {
        String engineOnClassPath = ProcessEngine.class.getPackage().getImplementationVersion();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(EngineSchema.schemaLogVersion(connection)).isEqualTo(engineOnClassPath)
                .isEqualTo(EngineSchemaMigrations.ENGINE_SCHEMA);
        }
        assertThat(jdbc.queryForObject("select \"description\" from \"" + HISTORY_TABLE + "\" where \"version\" = '18'",
            String.class)).isEqualTo("camunda engine schema " + EngineSchemaMigrations.ENGINE_SCHEMA);
    }
}
