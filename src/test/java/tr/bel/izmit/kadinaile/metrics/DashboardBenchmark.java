package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess;

/**
 * Not a test that passes or fails on time: a benchmark, run on demand (its name matches neither the unit nor the
 * integration tests):
 *
 * <pre>mvn -B -ntp verify -Dit.test=DashboardBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Loads a year (2025) of simulated data into embedded PostgreSQL 16 with bulk SQL: the engine's history of five
 * processes at the press report's volumes and above (about 15,000 process instances, 300,000 activity
 * instances), open tasks with their candidate groups, and our microcredit and violence-line tables; then prints
 * how long the activity report and the dashboard take (median of 5 after a warm-up) and the plans of the
 * heaviest queries. The figures are in {@code docs/metrics.md}.
 */
@SpringBootTest(properties = "app.demo.enabled=false")
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class DashboardBenchmark {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ActivityReport activityReport;
    @Autowired
    Dashboard dashboard;

    @Test
    void printQueryTimesAtAYearOfData() {
        String microcreditDefinition = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(MicrocreditProcess.KEY).latestVersion().singleResult().getId();
        String violenceDefinition = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(ViolenceLineProcess.KEY).latestVersion().singleResult().getId();
        long loadStart = System.nanoTime();
        load(microcreditDefinition, violenceDefinition);
        jdbc.execute("analyze");
        System.out.printf(Locale.ROOT, "%nBENCHMARK loaded in %.1f s: %d process instances, %d activity instances, %d open tasks, "
                + "%d applications, %d installments, %d violence cases, %d referrals%n",
            (System.nanoTime() - loadStart) / 1e9, count("act_hi_procinst"), count("act_hi_actinst"), count("act_ru_task"),
            count("mc_application"), count("mc_installment"), count("vl_case"), count("vl_referral"));

        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        time("activity report, whole year", () -> activityReport.report(from, to));
        time("dashboard, whole year", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to)));
        time("dashboard, one month", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM,
            LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30))));
        time("dashboard, one week", () -> dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM,
            LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 8))));

        Dashboard.View year = dashboard.view(new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to));
        assertThat(year.processes()).extracting(Dashboard.ProcessFigures::processKey).contains(MicrocreditProcess.KEY,
            "course-enrollment", "producer-onboarding", "market-stand-request").doesNotContain(ViolenceLineProcess.KEY);

        explain("instances of the period", "select proc_def_key_, proc_def_id_, start_time_, end_time_, end_act_id_, duration_ "
            + "from act_hi_procinst where proc_def_key_ <> 'violence-line-referral' and ((start_time_ >= '2025-06-01' and "
            + "start_time_ < '2025-07-01') or (end_time_ >= '2025-06-01' and end_time_ < '2025-07-01'))");
        explain("approvals of the whole year", "select count(distinct proc_inst_id_) from act_hi_actinst where proc_def_id_ in ('" + microcreditDefinition + "') and act_id_ in ('Task_DisburseLoan') and "
            + "end_time_ >= '2025-01-01' and end_time_ < '2026-01-01'");
        explain("violence-line referrals by risk level", "select c.risk_level, count(*) from vl_referral r join vl_case c on "
            + "c.id = r.case_id where r.created_at >= '2025-06-01' and r.created_at < '2025-07-01' group by c.risk_level");
        explain("SLA breaches of the whole year", "select act_id_, count(*) from act_hi_actinst where proc_def_id_ in "
            + "('" + violenceDefinition + "') and act_id_ in ('Event_EmergencyOverdue', "
            + "'Event_ReferralSlaBreached') and end_time_ >= '2025-01-01' and end_time_ < '2026-01-01' group by act_id_");
        explain("instances of the whole year", "select proc_def_key_, proc_def_id_, start_time_, end_time_, end_act_id_, duration_ "
            + "from act_hi_procinst where proc_def_key_ <> 'violence-line-referral' and ((start_time_ >= '2025-01-01' and "
            + "start_time_ < '2026-01-01') or (end_time_ >= '2025-01-01' and end_time_ < '2026-01-01'))");
        explain("violence-line cases opened by risk level", "select risk_level, count(*) from vl_case where created_at >= "
            + "'2025-06-01' and created_at < '2025-07-01' group by risk_level");
        explain("violence-line cases closed", "select count(*) from vl_case where closed_at >= '2025-06-01' and closed_at < '2025-07-01'");
    }

    private void load(String microcreditDefinition, String violenceDefinition) {
        jdbc.execute("select setseed(0.42)");
        // process instances of 2025 per process, spread evenly over the year; 85 % ended within 0-60 days
        jdbc.update("insert into act_hi_procinst (id_, proc_inst_id_, proc_def_key_, proc_def_id_, start_time_, end_time_, "
            + "duration_, end_act_id_, state_) "
            + "select id, id, key, def, started, ended, (extract(epoch from ended - started) * 1000)::bigint, "
            + "case when ended is null then null else (array['EndEvent_ApplicationRejected', 'EndEvent_LoanRepaid', "
            + "'EndEvent_ApplicationIneligible', 'SubProcess_WithdrawnByApplicant'])[1 + (g % 4)] end, "
            + "case when ended is null then 'ACTIVE' else 'COMPLETED' end "
            + "from (select 'bench-' || k.key || '-' || g as id, k.key, "
            + "  case when k.key = 'microcredit-application' then ? when k.key = 'violence-line-referral' then ? else k.key || ':1:bench' end as def, "
            + "  timestamp '2025-01-01' + (g * (365.0 * 86400 / k.n)) * interval '1 second' as started, g, "
            + "  case when random() < 0.85 then timestamp '2025-01-01' + (g * (365.0 * 86400 / k.n)) * interval '1 second' "
            + "    + random() * interval '60 days' end as ended "
            + "  from (values ('microcredit-application', 1500), ('course-enrollment', 6089), ('producer-onboarding', 525), "
            + "    ('market-stand-request', 1211), ('violence-line-referral', 6000)) k(key, n) "
            + "  cross join lateral generate_series(1, k.n) g) i", microcreditDefinition, violenceDefinition);
        // 20 activity instances each; approvals, rejections and the violence line's SLA timers among them
        jdbc.update("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, proc_inst_id_, execution_id_, act_id_, "
            + "act_type_, start_time_, end_time_) "
            + "select p.id_ || '-' || s, p.proc_def_key_, p.proc_def_id_, p.id_, p.id_, "
            + "case when s = 10 and p.proc_def_key_ = 'microcredit-application' and random() < 0.5 then 'Task_DisburseLoan' "
            + "  when s = 11 and p.proc_def_key_ = 'microcredit-application' and random() < 0.3 then 'EndEvent_ApplicationRejected' "
            + "  when s = 10 and p.proc_def_key_ = 'violence-line-referral' and random() < 0.1 then 'Event_EmergencyOverdue' "
            + "  when s = 11 and p.proc_def_key_ = 'violence-line-referral' and random() < 0.2 then 'Event_ReferralSlaBreached' "
            + "  else 'Task_Step' || s end, 'userTask', p.start_time_ + s * interval '1 hour', p.start_time_ + (s + 1) * interval '1 hour' "
            + "from act_hi_procinst p cross join generate_series(1, 20) s where p.id_ like 'bench-%'");
        // open tasks now: 1,200 of the microcredit with candidate groups, 300 of the violence line
        jdbc.update("insert into act_ru_task (id_, rev_, name_, proc_def_id_, task_def_key_, create_time_, due_date_, priority_, "
            + "suspension_state_) select 'bench-task-' || g, 1, 'Görev', case when g <= 1200 then ? else ? end, 'Task_Step', "
            + "timestamp '2025-12-01' + g * interval '10 minutes', timestamp '2025-12-10' + g * interval '10 minutes', 50, 1 "
            + "from generate_series(1, 1500) g", microcreditDefinition, violenceDefinition);
        jdbc.update("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bench-link-' || g, 1, "
            + "(array['izgim-officers', 'entrepreneurship-mentors', 'microcredit-committee', 'managers'])[1 + g % 4], "
            + "'candidate', 'bench-task-' || g from generate_series(1, 1500) g");
        // our tables: a year of microcredit applications, loans, payment orders, installments
        jdbc.update("insert into mc_application (tracking_code, full_name, tc_kimlik_no, phone, district, neighbourhood, "
            + "izgim_member, sector, business_summary, requested_amount, term_months, iban, kvkk_consent_at, status, "
            + "approved_amount, submitted_at) select 'MK-B' || g, 'Benchmark', lpad(g::text, 11, '7'), '5321234567', 'IZMIT', "
            + "'Kozluk', false, 'TEXTILE', 'Benchmark', 1500 + (g % 8) * 500, 6, 'TR330006100519786457841326', "
            + "timestamp '2025-01-01' + g * interval '5 hours', "
            + "(array['APPROVED', 'DISBURSED', 'REPAID', 'REJECTED', 'WITHDRAWN', 'INELIGIBLE', 'IN_REVIEW'])[1 + g % 7], "
            + "1500 + (g % 8) * 500, timestamp '2025-01-01' + g * interval '5 hours' from generate_series(1, 1500) g");
        jdbc.update("insert into mc_loan (application_id, principal, term_months, tc_kimlik_no, status, disbursed_on, closed_at, "
            + "created_at) select id, requested_amount, 6, tc_kimlik_no, case when status = 'REPAID' then 'CLOSED' else 'ACTIVE' end, "
            + "(submitted_at + interval '10 days')::date, case when status = 'REPAID' then submitted_at + interval '200 days' end, "
            + "submitted_at + interval '10 days' from mc_application where status in ('DISBURSED', 'REPAID')");
        jdbc.update("insert into mc_disbursement (loan_id, amount, iban, payment_reference, created_at) select id, principal, "
            + "'TR330006100519786457841326', 'BENCH-' || id, created_at from mc_loan");
        jdbc.update("insert into mc_installment (loan_id, sequence_no, due_date, amount, paid_at) select l.id, s, "
            + "l.disbursed_on + s * 30, l.principal / 6, case when random() < 0.8 then (l.disbursed_on + s * 30) + random() * interval '10 days' end "
            + "from mc_loan l cross join generate_series(1, 6) s");
        // the violence line's cases and referrals (no personal data needed for the aggregates)
        jdbc.update("insert into vl_case (case_code, district, risk_level, status, closure_outcome, closed_at, created_at) "
            + "select 'SH-B' || g, 'IZMIT', (array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'])[1 + g % 4], "
            + "case when g % 3 = 0 then 'OPEN' else 'CLOSED' end, case when g % 3 = 0 then null else 'SAFE' end, "
            + "case when g % 3 = 0 then null else timestamp '2025-01-01' + g * interval '85 minutes' + interval '20 days' end, "
            + "timestamp '2025-01-01' + g * interval '85 minutes' from generate_series(1, 6000) g");
        jdbc.update("insert into vl_referral (case_id, referral_type, status, created_at) select c.id, "
            + "(array['POLICE', 'SONIM', 'SHELTER', 'PSYCHOLOGICAL', 'LEGAL_AID', 'SOCIAL_ASSISTANCE'])[1 + (c.id + s) % 6], "
            + "'MADE', c.created_at + s * interval '1 hour' from vl_case c cross join generate_series(1, 3) s");
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void time(String what, Supplier<Object> query) {
        query.get();
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            query.get();
            runs.add((System.nanoTime() - start) / 1e6);
        }
        runs.sort(Double::compare);
        System.out.printf(Locale.ROOT, "BENCHMARK %-30s median %7.1f ms (min %.1f, max %.1f)%n", what, runs.get(2), runs.get(0),
            runs.get(4));
    }

    private void explain(String what, String sql) {
        List<String> plan = jdbc.queryForList("explain (analyze, buffers off) " + sql, String.class);
        System.out.println("BENCHMARK plan of " + what + ":");
        plan.forEach(line -> System.out.println("BENCHMARK   " + line));
    }
}
