package tr.bel.izmit.kadinaile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Regression guard of the engine benchmark's only deterministic figures (docs/benchmarks.md): SQL executions and
 * commits per finished microcredit-benchmark instance through the engine API, counted on the calling thread, on a
 * real PostgreSQL, for the out-of-the-box starter and for our configuration in the same test.
 *
 * <p>Issue 9 asked for at most 0.75 times the baseline; ours issued 73 executions against 99 (0.74) with removal-time
 * strategy {@code start}. Issue 25 changed it to {@code end} (the history of a running case is never erased), which
 * adds the engine's 16 removal-time updates at an instance's end: 89–90 against 99 (0.90). Our staff act authenticated
 * with the authorization checks on, which the starter's open REST API does not do. What our tuning removes and what
 * remains is in docs/benchmarks.md; this guard pins the measured figures so that no change makes them worse unnoticed.
 */
class SqlPerInstanceIT {

    static EmbeddedPostgres postgres;
    static EngineUnderTest baseline;
    static EngineUnderTest ours;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        baseline = EngineUnderTest.baseline(postgres);
        ours = EngineUnderTest.ours(postgres);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ours != null) {
            ours.close();
        }
        if (baseline != null) {
            baseline.close();
        }
        postgres.close();
    }

    @Test
    void shouldIssueNoMoreSqlPerInstanceThanMeasured() {
        SqlCounter.Counts base = baseline.sqlPerInstanceThroughEngineApi(5, 10);
        SqlCounter.Counts our = ours.sqlPerInstanceThroughEngineApi(5, 10);

        SqlCounter.Counts anonymous = ours.sqlPerInstanceThroughEngineApi(0, 10, false);
        System.out.printf("SQL per instance: baseline %s, ours %s, ours without an authenticated user %s%n", base, our, anonymous);
        // the starter's figure is the engine's own: a change there means a Camunda upgrade, to be measured again
        assertThat(base.executions()).isEqualTo(99.0);
        // 73 before removal-time strategy end (issue 25): the 16 removal-time updates at an instance's end are the price
        // of never erasing the history of a running case (89.0, 89.1 and 89.5 measured in three runs, 120.0–120.5 statements).
        // Issue 24 dropped the skipped authorization deletes of process tasks and ended instances, an override whose
        // gain did not pay for the internals it relied on (docs/engine-overrides.md, section C): 91.2 and 123.2 since
        assertThat(our.executions()).as("JDBC executions per instance, ours").isLessThanOrEqualTo(92.0);
        assertThat(our.executions() / base.executions()).isLessThanOrEqualTo(0.93);
        assertThat(our.statements() / base.statements()).as("statements, a batch counted by its parts").isLessThanOrEqualTo(0.87);
        assertThat(our.commits()).isLessThanOrEqualTo(base.commits());
        assertThat(anonymous.executions()).isLessThan(our.executions());
    }

    /**
     * The open starter answers its REST API without credentials, as it ships: Spring Security, on this class path for
     * our application, must not lock the baselines (the engine benchmark's HTTP phases failed with 401 when it did).
     */
    @Test
    void shouldServeTheBaselinesRestApiAsTheStarterShipsIt() throws Exception {
        HttpResponse<String> engines = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + baseline.port() + "/engine-rest/engine")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(engines.statusCode()).isEqualTo(200);
        assertThat(engines.body()).contains("\"name\"");
    }

    @Test
    void shouldCreateTheTaskListIndexesOnTheEngineTablesOfOursOnly() {
        String count = "select count(*) from pg_indexes where indexname in "
            + "('ka_idx_task_queue_order', 'ka_idx_identitylink_group_task', 'ka_idx_variable_name_long', "
            + "'ka_idx_hi_actinst_violence_sla', 'ka_idx_task_unassigned', 'ka_idx_hi_actinst_outcomes')";
        assertThat(ours.queryLong(count)).isEqualTo(6);
        assertThat(baseline.queryLong(count)).isZero();
        String statistics = "select count(*) from pg_statistic_ext where stxname = 'ka_stat_variable_values'";
        assertThat(ours.queryLong(statistics)).isEqualTo(1);
        assertThat(baseline.queryLong(statistics)).isZero();
    }

    @Test
    void shouldCountAQueueOfFiftyThousandTasksByMergingTwoIndexOnlyScans() throws Exception {
        ours.sql.reset(false);
        ours.sql.capture(sql -> sql.contains("ACT_RU_TASK") && sql.contains("countDistinct"));
        new RestClient(ours).post("/task/count", Map.of("candidateGroup", StaffGroup.IZGIM_OFFICERS.id()), 200);
        List<SqlCounter.Captured> captured = ours.sql.captured();
        assertThat(captured).hasSize(1);

        // the benchmark's queue, written directly: 50,000 unassigned tasks of the officers, the state autovacuum leaves
        try (Connection connection = ours.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_) "
                + "select 'plan-task-' || g, 1, 'Belgeleri kontrol et', 50, now(), 1 from generate_series(1, 50000) g");
            statement.execute("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
                + "select 'plan-link-' || g, 1, 'izgim-officers', 'candidate', 'plan-task-' || g from generate_series(1, 50000) g");
        }
        try {
            vacuumUntilAllVisible("act_ru_task", "act_ru_identitylink");
            String plan = String.join("\n", QueryPlans.plan(ours, captured.get(0)));
            // random_page_cost 1.1 on our connections (application-postgres.properties); with PostgreSQL's default of 4
            // it hashes both sides and then every task id for the distinct count, about twice the time
            assertThat(plan).contains("Merge Join", "Index Only Scan using ka_idx_task_unassigned")
                .doesNotContain("Hash Join", "HashAggregate");
        } finally {
            removePlanRows();
        }
    }

    @Test
    void shouldReadTheFirstPageOfAVariableFilterInQueueOrderWhenOneTaskInSixteenMatches() throws Exception {
        RestClient rest = new RestClient(ours);
        ours.sql.reset(false);
        ours.sql.capture(sql -> sql.contains("from ACT_RU_TASK RES") && sql.contains("ACT_RU_VARIABLE"));
        rest.post("/task?firstResult=0&maxResults=15", EngineBenchmark.filteredQueue(), 200);
        List<SqlCounter.Captured> captured = ours.sql.captured();
        assertThat(captured).hasSize(1);

        // the benchmark's open applications, written directly: 50,000 instances waiting at the officers' document
        // check, each with the nine variables of Workload.startVariables (one of sixteen requested amounts)
        try (Connection connection = ours.connect(); Statement statement = connection.createStatement()) {
            statement.execute("insert into ACT_RU_EXECUTION (ID_, REV_, PROC_INST_ID_, ROOT_PROC_INST_ID_, IS_ACTIVE_, "
                + "IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_) "
                + "select 'plan-pi-' || g, 1, 'plan-pi-' || g, 'plan-pi-' || g, true, false, true, false, 1 "
                + "from generate_series(1, 50000) g");
            statement.execute("insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, DUE_DATE_, "
                + "SUSPENSION_STATE_, EXECUTION_ID_, PROC_INST_ID_) "
                + "select 'plan-task-' || g, 1, 'Belgeleri kontrol et', 50, now(), now() + g * interval '1 minute', 1, "
                + "'plan-pi-' || g, 'plan-pi-' || g from generate_series(1, 50000) g");
            statement.execute("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) "
                + "select 'plan-link-' || g, 1, 'izgim-officers', 'candidate', 'plan-task-' || g from generate_series(1, 50000) g");
            statement.execute("insert into ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, LONG_, TEXT_) "
                + "select 'plan-var-' || v.name || '-' || g, 1, v.type, v.name, 'plan-pi-' || g, 'plan-pi-' || g, "
                + "case v.name when 'applicationId' then g when 'requestedAmount' then 1500 + 100 * (g % 16) "
                + "when 'termMonths' then 10 when 'izgimMember' then 1 when 'eligible' then 1 "
                + "when 'managerApprovalRequired' then 0 end, "
                + "case v.name when 'trackingCode' then 'MK-' || g when 'district' then 'İzmit' when 'sector' then 'GIDA' end "
                + "from generate_series(1, 50000) g, (values ('applicationId', 'long'), ('trackingCode', 'string'), "
                + "('district', 'string'), ('sector', 'string'), ('izgimMember', 'boolean'), ('requestedAmount', 'long'), "
                + "('termMonths', 'long'), ('eligible', 'boolean'), ('managerApprovalRequired', 'boolean')) v(name, type)");
        }
        try {
            vacuumUntilAllVisible("act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_variable");
            String plan = String.join("\n", QueryPlans.plan(ours, captured.get(0)));
            // the extended statistics of db/vendor/postgresql/V19_4 tell the planner that about 3,000 open tasks
            // match; without them it expected a few dozen, fetched every match, sorted them all and took 7 times as long
            assertThat(plan).contains("Index Scan using ka_idx_task_queue_order", "Incremental Sort")
                .doesNotContain("Bitmap Heap Scan on act_ru_variable");
        } finally {
            removePlanRows();
        }
    }

    /**
     * Deletes the rows the plan tests wrote (ids starting with {@code plan-}) and rewrites the tables and their indexes
     * as they were: the emptied pages would change the next plan's costs.
     */
    private static void removePlanRows() throws Exception {
        try (Connection connection = ours.connect(); Statement statement = connection.createStatement()) {
            statement.execute("delete from ACT_RU_VARIABLE where ID_ like 'plan-var-%'");
            statement.execute("delete from ACT_RU_IDENTITYLINK where ID_ like 'plan-link-%'");
            statement.execute("delete from ACT_RU_TASK where ID_ like 'plan-task-%'");
            statement.execute("delete from ACT_RU_EXECUTION where ID_ like 'plan-pi-%'");
            statement.execute("vacuum full ACT_RU_VARIABLE, ACT_RU_IDENTITYLINK, ACT_RU_TASK, ACT_RU_EXECUTION");
        }
        ours.vacuumAnalyze();
    }

    /**
     * {@code VACUUM ANALYZE} of the tables until (nearly) every page of them is marked all-visible, the state autovacuum
     * leaves.
     * A transaction of the engine's background work that was open while the rows were written keeps VACUUM from
     * marking their pages, and index-only scans are then costed as reads of the table: the plan would depend on timing.
     */
    private static void vacuumUntilAllVisible(String... tables) {
        String names = String.join(", ", tables);
        String notAllVisible = "select count(*) from pg_class where relname in ('" + String.join("', '", tables)
            + "') and relallvisible < 0.95 * relpages";
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = ours.connect(); Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze " + names);
            }
            return ours.queryLong(notAllVisible) == 0;
        });
    }

    @Test
    void shouldWriteNoVariableDetailsNorIdentityLinkLogAndTheRemovalTimeOnlyAtTheEnd() {
        ours.sql.detailed(true);
        ours.sqlPerInstanceThroughEngineApi(0, 1);
        ours.sql.detailed(false);
        assertThat(ours.sql.executionsByStatement().keySet())
            // removal-time strategy end: the rows get their removal time when the instance ends, none before
            .anyMatch(sql -> sql.contains("set REMOVAL_TIME_"))
            .noneMatch(sql -> sql.startsWith("insert into ACT_HI_DETAIL"))
            .noneMatch(sql -> sql.startsWith("insert into ACT_HI_IDENTITYLINK"))
            .noneMatch(sql -> sql.contains("TYPE_ = 2"))
            .anyMatch(sql -> sql.startsWith("insert into ACT_HI_ACTINST"))
            .anyMatch(sql -> sql.startsWith("insert into ACT_HI_TASKINST"))
            .anyMatch(sql -> sql.startsWith("insert into ACT_HI_VARINST"))
            .anyMatch(sql -> sql.startsWith("insert into ACT_HI_OP_LOG"));
    }
}
