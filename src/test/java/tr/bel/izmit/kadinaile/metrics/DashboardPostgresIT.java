package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tr.bel.izmit.kadinaile.courses.CourseProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditCaseActions;
import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * The activity report and the dashboard on a real PostgreSQL 16 after the known mix of March 2019
 * ({@link DashboardTestSupport#march2019}) went through the real processes with the engine's clock moved: every
 * figure of the report, and the dashboard's per-process, work and violence-line figures, asserted exactly. The
 * SQL (timestamps at Turkish midnight, the aggregates, the joins on the engine's tables) is PostgreSQL's here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.demo.enabled=false")
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class DashboardPostgresIT {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MicrocreditCaseActions caseActions;
    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldReportEveryFigureOfTheKnownMixOnPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
        DashboardTestSupport.users(identityService);
        new DashboardTestSupport(runtimeService, taskService, managementService, identityService).march2019(caseActions);
        DashboardTestSupport.at(2019, 4, 2, 10, 0);

        ResponseEntity<JsonNode> response = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity("/api/reports/activity?from=2019-03-01&to=2019-03-31", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode microcredit = response.getBody().path("microcredit");
        assertThat(microcredit.path("applications").asLong()).isEqualTo(5);
        assertThat(microcredit.path("approved").asLong()).isEqualTo(1);
        assertThat(microcredit.path("rejected").asLong()).isEqualTo(1);
        assertThat(microcredit.path("withdrawn").asLong()).isEqualTo(1);
        assertThat(microcredit.path("ineligible").asLong()).isEqualTo(1);
        assertThat(microcredit.path("amountRequested").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(microcredit.path("amountApproved").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(microcredit.path("amountDisbursed").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(microcredit.path("activeLoans").asLong()).isEqualTo(1);
        assertThat(microcredit.path("overdueInstallments").asLong()).isZero();
        assertThat(microcredit.path("overdueAmount").decimalValue()).isEqualByComparingTo("0");
        assertThat(microcredit.path("repaidAmount").decimalValue()).isEqualByComparingTo("0");
        JsonNode violence = response.getBody().path("violenceLine");
        assertThat(violence.path("referralsByRiskLevel").toString())
            .isEqualTo("[{\"key\":\"CRITICAL\",\"count\":null,\"suppressed\":true},{\"key\":\"HIGH\",\"count\":0,\"suppressed\":false},"
                + "{\"key\":\"MEDIUM\",\"count\":5,\"suppressed\":false},{\"key\":\"LOW\",\"count\":0,\"suppressed\":false}]");
        assertThat(violence.path("casesByRiskLevel").toString())
            .isEqualTo("[{\"key\":\"CRITICAL\",\"count\":null,\"suppressed\":true},{\"key\":\"HIGH\",\"count\":0,\"suppressed\":false},"
                + "{\"key\":\"MEDIUM\",\"count\":5,\"suppressed\":false},{\"key\":\"LOW\",\"count\":0,\"suppressed\":false}]");
        assertThat(violence.path("referralsByType").toString()).contains("{\"key\":\"SONIM\",\"count\":5,\"suppressed\":false}",
            "{\"key\":\"POLICE\",\"count\":null,\"suppressed\":true}", "{\"key\":\"SHELTER\",\"count\":null,\"suppressed\":true}",
            "{\"key\":\"LEGAL_AID\",\"count\":0,\"suppressed\":false}");
        assertThat(violence.path("casesClosed").toString()).isEqualTo("{\"key\":\"CLOSED\",\"count\":0,\"suppressed\":false}");

        JsonNode dashboard = rest.withBasicAuth(DashboardTestSupport.MANAGER, DashboardTestSupport.PASSWORD)
            .getForEntity(DashboardController.PATH + "?period=custom&from=2019-03-01&to=2019-03-31", JsonNode.class).getBody();
        JsonNode process = DashboardTestSupport.microcreditOf(dashboard);
        assertThat(dashboard.path("processes")).filteredOn(p -> p != process)
            .allSatisfy(other -> assertThat(other.path("started").asLong()).isZero());
        assertThat(process.path("started").asLong()).isEqualTo(5);
        assertThat(process.path("inProgress").asLong()).isEqualTo(2);
        assertThat(process.path("completed").asLong()).isEqualTo(4);
        assertThat(process.path("approvalRatePercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(process.path("medianCycleTimeHours").decimalValue()).isEqualByComparingTo("24.0");
        assertThat(process.path("p90CycleTimeHours").decimalValue()).isEqualByComparingTo("264.0");
        assertThat(process.path("weeklyTrend")).extracting(w -> w.path("started").asLong() + "/" + w.path("completed").asLong())
            .containsExactly("0/0", "2/2", "2/2", "1/0", "0/0");
        assertThat(dashboard.path("work")).extracting(g -> g.path("groupId").asText() + "|" + g.path("openTasks").asLong() + "|"
                + g.path("oldestAgeDays").decimalValue().toPlainString() + "|" + g.path("pastDue").asLong())
            .containsExactly("izgim-officers|2|15.0|1");
        assertThat(dashboard.path("violenceLine").path("openTasks").path("count").asInt()).isEqualTo(12);
        assertThat(dashboard.path("violenceLine").path("referralSlaBreached").path("count").asInt()).isEqualTo(5);
        assertThat(dashboard.path("violenceLine").path("emergencyResponseLate").path("suppressed").asBoolean()).isTrue();
    }

    /**
     * The approval-rate count reads the partial index of outcome activities, not every activity instance of the
     * period: checked on the plan PostgreSQL makes for the dashboard's own statement after 20,000 activity instances of
     * other activities (inserted, analysed and rolled back in one transaction).
     */
    @Test
    void shouldCountApprovalsFromThePartialIndexOfOutcomeActivities() {
        String definition = jdbc.queryForObject("select id_ from act_re_procdef where key_ = ? order by version_ desc limit 1",
            String.class, CourseProcess.KEY);
        String sql = Dashboard.instancesReachingSql(1,
            Set.of(CourseProcess.Elements.NOTIFY_ENROLLED, CourseProcess.Elements.NOTIFY_PLACED));
        List<String> plan = new TransactionTemplate(transactionManager).execute(tx -> {
            jdbc.update("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, proc_inst_id_, execution_id_, act_id_, "
                + "act_type_, start_time_, end_time_, sequence_counter_) select 'plan-' || n, ?, ?, 'plan-pi-' || (n / 10), "
                + "'plan-ex-' || n, 'Task_Other' || (n % 10), 'serviceTask', timestamp '2025-01-01' + n * interval '20 minutes', "
                + "timestamp '2025-01-01' + n * interval '20 minutes', 1 from generate_series(1, 20000) n",
                CourseProcess.KEY, definition);
            jdbc.execute("analyze act_hi_actinst");
            List<String> lines = jdbc.queryForList("explain " + sql, String.class, definition,
                Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")), Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
            tx.setRollbackOnly();
            return lines;
        });
        assertThat(String.join("\n", plan)).containsIgnoringCase("ka_idx_hi_actinst_outcomes");
    }
}
