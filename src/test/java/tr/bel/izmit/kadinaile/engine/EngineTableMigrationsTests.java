package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class EngineTableMigrationsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldHaveIndexedTheEngineTablesAfterTheEngineCreatedThem() {
        assertThat(jdbc.queryForList("select upper(index_name) from information_schema.indexes where upper(index_name) like 'KA_IDX_%'",
            String.class)).contains("KA_IDX_TASK_QUEUE_ORDER", "KA_IDX_IDENTITYLINK_GROUP_TASK", "KA_IDX_VARIABLE_NAME_LONG");
        // every common migration applied and none failed (V2 is PostgreSQL's only)
        assertThat(jdbc.queryForList("select \"version\" from \"" + EngineTableMigrations.HISTORY_TABLE + "\" where \"success\"",
            String.class)).contains("1", "3").doesNotContain("2");
        assertThat(jdbc.queryForObject("select count(*) from \"" + EngineTableMigrations.HISTORY_TABLE + "\" where not \"success\"",
            Integer.class)).isZero();
    }
}
