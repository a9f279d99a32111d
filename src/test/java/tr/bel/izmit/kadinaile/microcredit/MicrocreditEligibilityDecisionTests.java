package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.DecisionFiles;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditProcess.Vars;

/**
 * Evaluates {@code bpmn/microcredit-eligibility.dmn} with a standalone DMN engine, rule by rule and on the
 * boundaries of the amount limits.
 */
class MicrocreditEligibilityDecisionTests {

    private static final String DMN_RESOURCE = "bpmn/microcredit-eligibility.dmn";

    private static final DmnEngine engine = DecisionFiles.ENGINE;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() {
        decision = DecisionFiles.parse(DMN_RESOURCE, MicrocreditProcess.DECISION_ELIGIBILITY);
    }

    // ---- the decision itself ------------------------------------------------------------------

    @Test
    void shouldBeAFirstHitDecisionTableWithTheRulesInTheAgreedOrder() {
        assertThat(decision.getKey()).isEqualTo("microcredit-eligibility");
        assertThat(decision.isDecisionTable()).isTrue();

        DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy().name()).isEqualTo("FIRST");
        assertThat(table.getRules()).extracting(DmnDecisionTableRuleImpl::getId).containsExactly(
            "Rule_AmountBelowMinimum",
            "Rule_AmountAboveMaximum",
            "Rule_OverdueLoan",
            "Rule_OpenLoan",
            "Rule_NotResidentInIzmit",
            "Rule_EligibleWithManagerApproval",
            "Rule_Eligible");
    }

    // ---- one test per rule --------------------------------------------------------------------

    @Test
    void shouldRejectAnAmountBelowTheMinimum() {
        assertOutcome(evaluate(1000, false, false, "IZMIT"), false, "AMOUNT_BELOW_MINIMUM", false);
    }

    @Test
    void shouldRejectAnAmountAboveTheMaximum() {
        assertOutcome(evaluate(7500, false, false, "IZMIT"), false, "AMOUNT_ABOVE_MAXIMUM", false);
    }

    @Test
    void shouldRejectAnApplicantWithAnOverdueLoan() {
        assertOutcome(evaluate(2000, true, true, "IZMIT"), false, "OVERDUE_LOAN", false);
    }

    @Test
    void shouldRejectAnApplicantWithAnOpenLoan() {
        assertOutcome(evaluate(2000, false, true, "IZMIT"), false, "OPEN_LOAN", false);
    }

    @Test
    void shouldRejectAnApplicantNotResidentInIzmit() {
        assertOutcome(evaluate(2000, false, false, "KARTEPE"), false, "NOT_RESIDENT_IN_IZMIT", false);
    }

    @Test
    void shouldAcceptAnAmountAbove3000WithManagerApproval() {
        assertOutcome(evaluate(4000, false, false, "IZMIT"), true, "ELIGIBLE", true);
    }

    @Test
    void shouldAcceptAnAmountUpTo3000WithoutManagerApproval() {
        assertOutcome(evaluate(2000, false, false, "IZMIT"), true, "ELIGIBLE", false);
    }

    // ---- boundaries ---------------------------------------------------------------------------

    @Test
    void shouldAcceptTheMinimumAmountOf1500() {
        assertOutcome(evaluate(1500, false, false, "IZMIT"), true, "ELIGIBLE", false);
    }

    @Test
    void shouldAcceptTheMaximumAmountOf5000WithManagerApproval() {
        assertOutcome(evaluate(5000, false, false, "IZMIT"), true, "ELIGIBLE", true);
    }

    @Test
    void shouldNotRequireManagerApprovalFor3000() {
        assertOutcome(evaluate(3000, false, false, "IZMIT"), true, "ELIGIBLE", false);
    }

    @Test
    void shouldRequireManagerApprovalFor3001() {
        assertOutcome(evaluate(3001, false, false, "IZMIT"), true, "ELIGIBLE", true);
    }

    @Test
    void shouldRejectOneLiraBelowTheMinimum() {
        assertOutcome(evaluate(1499, false, false, "IZMIT"), false, "AMOUNT_BELOW_MINIMUM", false);
    }

    @Test
    void shouldRejectOneLiraAboveTheMaximum() {
        assertOutcome(evaluate(5001, false, false, "IZMIT"), false, "AMOUNT_ABOVE_MAXIMUM", false);
    }

    @Test
    void shouldTreatAFractionalAmountJustBelowTheMinimumAsTooLow() {
        assertOutcome(evaluate(1499.99, false, false, "IZMIT"), false, "AMOUNT_BELOW_MINIMUM", false);
    }

    // ---- rule order ---------------------------------------------------------------------------

    @Test
    void shouldReportAnOverdueLoanBeforeANonIzmitDistrict() {
        assertOutcome(evaluate(2000, true, false, "GEBZE"), false, "OVERDUE_LOAN", false);
    }

    @Test
    void shouldReportTheAmountBeforeAnyOtherReason() {
        assertOutcome(evaluate(6000, true, true, "GEBZE"), false, "AMOUNT_ABOVE_MAXIMUM", false);
    }

    @Test
    void shouldReportAnOpenLoanBeforeANonIzmitDistrict() {
        assertOutcome(evaluate(2000, false, true, "DERINCE"), false, "OPEN_LOAN", false);
    }

    @Test
    void shouldTreatAMissingDistrictAsNotResidentInIzmit() {
        assertOutcome(evaluate(2000, false, false, null), false, "NOT_RESIDENT_IN_IZMIT", false);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * The gateway "Müdür onayı gerekli mi?" applies the same threshold to the approved amount held in our record
     * ({@link MicrocreditApplications#MANAGER_APPROVAL_ABOVE}): both must move together.
     */
    @Test
    void shouldUseTheSameManagerApprovalThresholdAsTheGateway() {
        long threshold = MicrocreditApplications.MANAGER_APPROVAL_ABOVE.longValueExact();
        assertOutcome(evaluate(threshold, false, false, "IZMIT"), true, "ELIGIBLE", false);
        assertOutcome(evaluate(threshold + 1, false, false, "IZMIT"), true, "ELIGIBLE", true);
    }

    private static DmnDecisionResult evaluate(Number requestedAmount, boolean hasOverdueLoan, boolean hasOpenLoan,
            String district) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Vars.REQUESTED_AMOUNT, requestedAmount);
        variables.put(Vars.HAS_OVERDUE_LOAN, hasOverdueLoan);
        variables.put(Vars.HAS_OPEN_LOAN, hasOpenLoan);
        variables.put(Vars.DISTRICT, district);
        return engine.evaluateDecision(decision, variables);
    }

    private static void assertOutcome(DmnDecisionResult result, boolean eligible, String reasonCode,
            boolean managerApprovalRequired) {
        // FIRST hit policy: exactly one matching rule, carrying all three outputs
        assertThat(result).hasSize(1);
        Map<String, Object> outputs = result.getSingleResult().getEntryMap();
        assertThat(outputs).containsOnlyKeys(List.of(Vars.ELIGIBLE, Vars.REASON_CODE, Vars.MANAGER_APPROVAL_REQUIRED));
        assertThat(outputs.get(Vars.ELIGIBLE)).as(Vars.ELIGIBLE).isEqualTo(eligible);
        assertThat(outputs.get(Vars.REASON_CODE)).as(Vars.REASON_CODE).isEqualTo(reasonCode);
        assertThat(outputs.get(Vars.MANAGER_APPROVAL_REQUIRED)).as(Vars.MANAGER_APPROVAL_REQUIRED)
            .isEqualTo(managerApprovalRequired);
    }
}
