package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.DecisionFiles;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineProcess.Vars;

/**
 * Evaluates {@code bpmn/violence-risk-level.dmn} with a standalone DMN engine: one test per rule, the order
 * of the rules, and every combination of the risk factors.
 */
class ViolenceRiskLevelDecisionTests {

    private static final String DMN_RESOURCE = "bpmn/violence-risk-level.dmn";

    /** Not a process variable of its own: the BPMN passes whether "PHYSICAL" is among the violence types. */
    private static final String PHYSICAL_VIOLENCE = "physicalViolence";

    /** Every input of the decision, in the order of the table. */
    private static final List<String> RISK_FACTORS = List.of(
        Vars.IMMEDIATE_DANGER,
        Vars.WEAPON_OR_THREAT,
        Vars.CHILDREN_AT_RISK,
        Vars.PREGNANT,
        Vars.EARLIER_INCIDENTS,
        Vars.PROTECTION_ORDER,
        PHYSICAL_VIOLENCE);

    private static final Set<String> REFERRAL_TYPES =
        Set.of("POLICE", "SONIM", "SHELTER", "PSYCHOLOGICAL", "LEGAL_AID", "SOCIAL_ASSISTANCE");

    private static final DmnEngine engine = DecisionFiles.ENGINE;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() {
        decision = DecisionFiles.parse(DMN_RESOURCE, ViolenceLineProcess.DECISION_RISK_LEVEL);
    }

    // ---- the decision itself ------------------------------------------------------------------

    @Test
    void shouldBeAFirstHitDecisionTableWithTheRulesInTheAgreedOrder() {
        assertThat(decision.getKey()).isEqualTo("violence-risk-level");
        assertThat(decision.getName()).isEqualTo("Şiddet riski düzeyi");
        assertThat(decision.isDecisionTable()).isTrue();

        DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy().name()).isEqualTo("FIRST");
        assertThat(table.getInputs()).extracting(input -> input.getExpression().getExpression())
            .containsExactlyElementsOf(RISK_FACTORS);
        assertThat(table.getOutputs()).extracting(output -> output.getOutputName())
            .containsExactly(Vars.RISK_LEVEL, Vars.RECOMMENDED_REFERRALS);
        assertThat(table.getRules()).extracting(DmnDecisionTableRuleImpl::getId).containsExactly(
            "Rule_ImmediateDanger",
            "Rule_WeaponOrThreatToKill",
            "Rule_RepeatedPhysicalViolence",
            "Rule_ChildrenAtRisk",
            "Rule_Pregnant",
            "Rule_PhysicalViolence",
            "Rule_ProtectionOrderViolated",
            "Rule_Default");
    }

    // ---- one test per rule --------------------------------------------------------------------

    @Test
    void shouldRateImmediateDangerAsCritical() {
        assertOutcome(evaluateWith(Vars.IMMEDIATE_DANGER), "CRITICAL", "POLICE,SONIM,SHELTER,LEGAL_AID");
    }

    @Test
    void shouldRateAWeaponOrAThreatToKillAsHigh() {
        assertOutcome(evaluateWith(Vars.WEAPON_OR_THREAT), "HIGH", "POLICE,SONIM,SHELTER,LEGAL_AID");
    }

    @Test
    void shouldRateRepeatedPhysicalViolenceAsHigh() {
        assertOutcome(evaluateWith(Vars.EARLIER_INCIDENTS, PHYSICAL_VIOLENCE), "HIGH",
            "POLICE,SONIM,LEGAL_AID,PSYCHOLOGICAL");
    }

    @Test
    void shouldRateChildrenAtRiskAsHigh() {
        assertOutcome(evaluateWith(Vars.CHILDREN_AT_RISK), "HIGH", "SONIM,SHELTER,PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    @Test
    void shouldRateAPregnantWomanAsHigh() {
        assertOutcome(evaluateWith(Vars.PREGNANT), "HIGH", "SONIM,PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    @Test
    void shouldRatePhysicalViolenceAsMedium() {
        assertOutcome(evaluateWith(PHYSICAL_VIOLENCE), "MEDIUM", "SONIM,PSYCHOLOGICAL,LEGAL_AID");
    }

    @Test
    void shouldRateViolenceDespiteAProtectionOrderAsMedium() {
        assertOutcome(evaluateWith(Vars.PROTECTION_ORDER), "MEDIUM", "SONIM,LEGAL_AID");
    }

    @Test
    void shouldRateACallWithoutAnyRiskFactorAsLow() {
        assertOutcome(evaluateWith(), "LOW", "PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    // ---- rule order ---------------------------------------------------------------------------

    @Test
    void shouldLetImmediateDangerWinOverEveryOtherFactor() {
        assertOutcome(evaluateWith(RISK_FACTORS.toArray(String[]::new)), "CRITICAL", "POLICE,SONIM,SHELTER,LEGAL_AID");
    }

    @Test
    void shouldLetAWeaponWinOverChildrenAtRisk() {
        assertOutcome(evaluateWith(Vars.WEAPON_OR_THREAT, Vars.CHILDREN_AT_RISK), "HIGH",
            "POLICE,SONIM,SHELTER,LEGAL_AID");
    }

    @Test
    void shouldLetAWeaponWinOverRepeatedPhysicalViolence() {
        assertOutcome(evaluateWith(Vars.WEAPON_OR_THREAT, Vars.EARLIER_INCIDENTS, PHYSICAL_VIOLENCE), "HIGH",
            "POLICE,SONIM,SHELTER,LEGAL_AID");
    }

    @Test
    void shouldRateChildrenAtRiskAsHighEvenWithoutPhysicalViolence() {
        assertOutcome(evaluateWith(Vars.CHILDREN_AT_RISK, Vars.EARLIER_INCIDENTS, Vars.PROTECTION_ORDER), "HIGH",
            "SONIM,SHELTER,PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    @Test
    void shouldLetRepeatedPhysicalViolenceWinOverChildrenAtRisk() {
        assertOutcome(evaluateWith(Vars.EARLIER_INCIDENTS, PHYSICAL_VIOLENCE, Vars.CHILDREN_AT_RISK), "HIGH",
            "POLICE,SONIM,LEGAL_AID,PSYCHOLOGICAL");
    }

    @Test
    void shouldLetChildrenAtRiskWinOverPregnancy() {
        assertOutcome(evaluateWith(Vars.CHILDREN_AT_RISK, Vars.PREGNANT), "HIGH",
            "SONIM,SHELTER,PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    @Test
    void shouldLetPregnancyWinOverPhysicalViolence() {
        assertOutcome(evaluateWith(Vars.PREGNANT, PHYSICAL_VIOLENCE), "HIGH", "SONIM,PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    @Test
    void shouldLetPhysicalViolenceWinOverAProtectionOrder() {
        assertOutcome(evaluateWith(PHYSICAL_VIOLENCE, Vars.PROTECTION_ORDER), "MEDIUM", "SONIM,PSYCHOLOGICAL,LEGAL_AID");
    }

    @Test
    void shouldNotRateEarlierIncidentsWithoutPhysicalViolenceAsHigh() {
        assertOutcome(evaluateWith(Vars.EARLIER_INCIDENTS), "LOW", "PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    @Test
    void shouldTreatMissingRiskFactorsAsAbsent() {
        Map<String, Object> onlyPhysical = new HashMap<>();
        onlyPhysical.put(PHYSICAL_VIOLENCE, true);
        assertOutcome(engine.evaluateDecision(decision, onlyPhysical), "MEDIUM", "SONIM,PSYCHOLOGICAL,LEGAL_AID");
        assertOutcome(engine.evaluateDecision(decision, new HashMap<>()), "LOW", "PSYCHOLOGICAL,SOCIAL_ASSISTANCE");
    }

    // ---- all combinations ---------------------------------------------------------------------

    @Test
    void shouldGiveEveryCombinationOneKnownLevelAndKnownReferralsWithoutSpaces() {
        int combinations = 1 << RISK_FACTORS.size();
        for (int mask = 0; mask < combinations; mask++) {
            Map<String, Object> variables = new HashMap<>();
            for (int i = 0; i < RISK_FACTORS.size(); i++) {
                variables.put(RISK_FACTORS.get(i), (mask & (1 << i)) != 0);
            }
            DmnDecisionResult result = engine.evaluateDecision(decision, variables);

            assertThat(result).as("%s", variables).hasSize(1);
            Map<String, Object> outputs = result.getSingleResult().getEntryMap();
            String riskLevel = (String) outputs.get(Vars.RISK_LEVEL);
            String referrals = (String) outputs.get(Vars.RECOMMENDED_REFERRALS);
            assertThat(riskLevel).as("%s", variables).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW");
            assertThat(riskLevel.equals("CRITICAL")).as("CRITICAL exactly when in immediate danger: %s", variables)
                .isEqualTo(variables.get(Vars.IMMEDIATE_DANGER));
            assertThat(referrals).as("%s", variables).doesNotContainAnyWhitespaces();
            List<String> types = Arrays.asList(referrals.split(","));
            assertThat(types).as("%s", variables).isNotEmpty().doesNotHaveDuplicates().isSubsetOf(REFERRAL_TYPES);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Evaluates with the given risk factors true and all others false. */
    private static DmnDecisionResult evaluateWith(String... presentFactors) {
        Set<String> present = Set.of(presentFactors);
        assertThat(RISK_FACTORS).containsAll(present);
        Map<String, Object> variables = new HashMap<>();
        RISK_FACTORS.forEach(factor -> variables.put(factor, present.contains(factor)));
        return engine.evaluateDecision(decision, variables);
    }

    private static void assertOutcome(DmnDecisionResult result, String riskLevel, String recommendedReferrals) {
        // FIRST hit policy: exactly one matching rule, carrying both outputs
        assertThat(result).hasSize(1);
        Map<String, Object> outputs = result.getSingleResult().getEntryMap();
        assertThat(outputs).containsOnlyKeys(List.of(Vars.RISK_LEVEL, Vars.RECOMMENDED_REFERRALS));
        assertThat(outputs.get(Vars.RISK_LEVEL)).as(Vars.RISK_LEVEL).isEqualTo(riskLevel);
        assertThat(outputs.get(Vars.RECOMMENDED_REFERRALS)).as(Vars.RECOMMENDED_REFERRALS)
            .isEqualTo(recommendedReferrals);
    }
}
