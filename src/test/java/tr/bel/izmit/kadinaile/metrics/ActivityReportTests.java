package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.microcredit.ApplicationStatus;
import tr.bel.izmit.kadinaile.microcredit.Installment;
import tr.bel.izmit.kadinaile.microcredit.InstallmentRepository;
import tr.bel.izmit.kadinaile.microcredit.LoanRepository;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditApplicationRepository;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditCaseActions;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * The activity report over HTTP, after a known mix of microcredit applications went through the real process.
 * The engine's clock is moved to 2020 so that neither the demo cases (created now) nor other tests fall into
 * the reported period or count as active loans or overdue installments at its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo"})
@ActiveProfiles("test")
class ActivityReportTests {

    private static final String PATH = "/api/staff/reports/activity";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MicrocreditCaseActions caseActions;
    @Autowired
    MicrocreditApplicationRepository applications;
    @Autowired
    LoanRepository loans;
    @Autowired
    InstallmentRepository installments;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldReportEveryMicrocreditFigureOfTheMonthExactly() {
        // before the period: a loan of 2.000 TL over 6 months, disbursed on 10 March (installments due on the 10th)
        at(2020, 3, 10);
        ProcessInstance march = start(2000);
        documentsAndBusinessPlan(march);
        committee(march, "APPROVE", 2000);
        disburse(march);
        Long marchLoan = loans.findByApplicationId(applicationId(march)).orElseThrow().getId();
        List<Installment> marchSchedule = installments.findByLoanIdOrderBySequence(marchLoan);
        assertThat(marchSchedule.get(0).getAmount()).isEqualByComparingTo("333.34");

        // in the period: the first installment paid late (the second, due 10 May, stays unpaid: overdue)
        at(2020, 5, 5);
        caseActions.recordPayment(marchLoan, 1, marchSchedule.get(0).getAmount(), "emine.arslan");

        at(2020, 5, 10);
        ProcessInstance disbursed3000 = start(3000);
        documentsAndBusinessPlan(disbursed3000);
        committee(disbursed3000, "APPROVE", 3000);
        disburse(disbursed3000);

        ProcessInstance loweredByCommittee = start(4500);
        documentsAndBusinessPlan(loweredByCommittee);
        committee(loweredByCommittee, "APPROVE", 4000);
        identityService.setAuthentication("hatice.sahin", List.of("managers"));
        taskService.complete(taskId(loweredByCommittee), Map.of(Vars.MANAGER_DECISION, "APPROVE"));
        identityService.clearAuthentication();
        disburse(loweredByCommittee);

        ProcessInstance rejected = start(2500);
        documentsAndBusinessPlan(rejected);
        identityService.setAuthentication("fatma.kaya", List.of("microcredit-committee"));
        taskService.complete(taskId(rejected), Map.of(Vars.COMMITTEE_DECISION, "REJECT",
            Vars.COMMITTEE_REJECTION_REASON, "İş planı gerçekçi değil."));
        identityService.clearAuthentication();

        Map<String, Object> outsideIzmit = ReportTestData.microcreditStartForm(2000);
        outsideIzmit.put("district", "GEBZE");
        ProcessInstance ineligible = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY, outsideIzmit);

        ProcessInstance withdrawn = start(1500);
        assertThat(caseActions.withdrawByApplicant(withdrawn.getBusinessKey())).isTrue();

        ProcessInstance inReview = start(2000);

        ProcessInstance approvedNotYetPaidOut = start(2000);
        documentsAndBusinessPlan(approvedNotYetPaidOut);
        committee(approvedNotYetPaidOut, "APPROVE", 2000);

        // after the period: a payment that must not count
        at(2020, 6, 2);
        Long loan3000 = loans.findByApplicationId(applicationId(disbursed3000)).orElseThrow().getId();
        caseActions.recordPayment(loan3000, 1, new BigDecimal("500.00"), "emine.arslan");
        ClockUtil.reset();

        assertThat(status(disbursed3000)).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(status(loweredByCommittee)).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(status(rejected)).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(status(ineligible)).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(status(withdrawn)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(status(inReview)).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(status(approvedNotYetPaidOut)).isEqualTo(ApplicationStatus.APPROVED);

        ResponseEntity<JsonNode> response = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity(PATH + "?from=2020-05-01&to=2020-05-31", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.path("from").asText()).isEqualTo("2020-05-01");
        assertThat(body.path("to").asText()).isEqualTo("2020-05-31");
        JsonNode microcredit = body.path("microcredit");
        assertThat(microcredit.path("applications").asLong()).isEqualTo(7);
        assertThat(microcredit.path("approved").asLong()).isEqualTo(3);
        assertThat(microcredit.path("rejected").asLong()).isEqualTo(1);
        assertThat(microcredit.path("withdrawn").asLong()).isEqualTo(1);
        assertThat(microcredit.path("ineligible").asLong()).isEqualTo(1);
        assertThat(microcredit.path("amountRequested").decimalValue()).isEqualByComparingTo("17500.00");
        assertThat(microcredit.path("amountApproved").decimalValue()).isEqualByComparingTo("9000.00");
        assertThat(microcredit.path("amountDisbursed").decimalValue()).isEqualByComparingTo("7000.00");
        assertThat(microcredit.path("activeLoans").asLong()).isEqualTo(3);
        assertThat(microcredit.path("overdueInstallments").asLong()).isEqualTo(1);
        assertThat(microcredit.path("repaidAmount").decimalValue()).isEqualByComparingTo("333.34");

        assertThat(body.path("courses").isObject()).isTrue();
        assertThat(body.has("producers")).isTrue();
        assertThat(body.get("producers").isObject()).isTrue();
        assertThat(body.path("notYetAvailable")).isEmpty();
        JsonNode violenceLine = body.path("violenceLine");
        assertThat(violenceLine.path("suppressBelow").asInt()).isEqualTo(5);
        assertThat(violenceLine.path("casesByRiskLevel").isArray()).isTrue();
        violenceLine.path("casesByRiskLevel").forEach(bucket -> assertThat(bucket.path("count").asInt()).isZero());

        // the same figures a month earlier: only the March loan, its overdue first installment
        JsonNode april = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity(PATH + "?from=2020-04-01&to=2020-04-30", JsonNode.class).getBody().path("microcredit");
        assertThat(april.path("applications").asLong()).isZero();
        assertThat(april.path("amountDisbursed").decimalValue()).isEqualByComparingTo("0");
        assertThat(april.path("activeLoans").asLong()).isEqualTo(1);
        assertThat(april.path("overdueInstallments").asLong()).isEqualTo(1);
        assertThat(april.path("overdueAmount").decimalValue()).isEqualByComparingTo("333.34");
        assertThat(april.path("repaidAmount").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void shouldRefuseStaffOutsideTheManagers() {
        ResponseEntity<String> response = rest.withBasicAuth("ayse.yilmaz", "demo")
            .getForEntity(PATH + "?from=2020-05-01&to=2020-05-31", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).doesNotContain("microcredit");
    }

    @Test
    void shouldAskAnonymousCallersToLogIn() {
        ResponseEntity<String> response = rest.getForEntity(PATH + "?from=2020-05-01&to=2020-05-31", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldRejectAnEndBeforeTheStartNamingTheField() {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity(PATH + "?from=2020-05-31&to=2020-05-01", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains("Bitiş tarihi");
    }

    @Test
    void shouldRejectAPeriodLongerThanAYearAndMissingOrMalformedDates() {
        ResponseEntity<JsonNode> tooLong = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity(PATH + "?from=2020-01-01&to=2021-01-01", JsonNode.class);
        ResponseEntity<JsonNode> leapYear = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity(PATH + "?from=2020-01-01&to=2020-12-31", JsonNode.class);
        ResponseEntity<JsonNode> malformed = rest.withBasicAuth("hatice.sahin", "demo")
            .getForEntity(PATH + "?from=01.05.2020", JsonNode.class);

        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(leapYear.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("errors")).extracting(error -> error.path("field").asText())
            .containsExactly("from", "to");
    }

    // ---------------------------------------------------------------- helpers

    private static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 10, 0)
            .atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }

    private ProcessInstance start(long amount) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MicrocreditProcess.KEY,
            ReportTestData.microcreditStartForm(amount));
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void documentsAndBusinessPlan(ProcessInstance instance) {
        taskService.complete(taskId(instance), Map.of(Vars.DOCUMENTS_DECISION, "COMPLETE"));
        taskService.complete(taskId(instance), Map.of(Vars.BUSINESS_PLAN_SCORE, 4L,
            Vars.BUSINESS_PLAN_COMMENT, "Gerçekçi bir plan."));
    }

    private void committee(ProcessInstance instance, String decision, long amount) {
        identityService.setAuthentication("fatma.kaya", List.of("microcredit-committee"));
        taskService.complete(taskId(instance), Map.of(Vars.COMMITTEE_DECISION, decision, Vars.APPROVED_AMOUNT, amount));
        identityService.clearAuthentication();
    }

    private void disburse(ProcessInstance instance) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(MicrocreditProcess.Elements.DISBURSE_LOAN).singleResult().getId());
    }

    private String taskId(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    private Long applicationId(ProcessInstance instance) {
        return (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName(Vars.APPLICATION_ID).singleResult().getValue();
    }

    private ApplicationStatus status(ProcessInstance instance) {
        return applications.findById(applicationId(instance)).orElseThrow().getStatus();
    }
}
