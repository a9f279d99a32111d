package tr.bel.izmit.kadinaile.common.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class EngineTableIndexesTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldHaveIndexedTheEngineTablesAfterTheEngineCreatedThem() {
        assertThat(jdbc.queryForList("select upper(index_name) from information_schema.indexes where upper(index_name) like 'KA_IDX_%'",
            String.class)).contains("KA_IDX_TASK_QUEUE_ORDER", "KA_IDX_IDENTITYLINK_GROUP_TASK", "KA_IDX_VARIABLE_NAME_LONG");
        assertThat(jdbc.queryForObject("select max(\"version\") from \"" + EngineTableIndexes.HISTORY_TABLE + "\" where \"success\"",
            String.class)).isEqualTo("1");
    }
}
