package tr.bel.izmit.kadinaile.courses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.DecisionFiles;

/** Evaluates {@code bpmn/course-eligibility.dmn} with a standalone DMN engine, rule by rule and on its boundaries. */
class CourseEligibilityDecisionTests {

    private static DmnDecision decision;

    @BeforeAll
    static void parse() {
        decision = DecisionFiles.parse("bpmn/course-eligibility.dmn", CourseProcess.DECISION_ELIGIBILITY);
    }

    @Test
    void shouldBeAFirstHitTableWithTheRulesInTheAgreedOrder() {
        DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy().name()).isEqualTo("FIRST");
        assertThat(table.getRules()).extracting(DmnDecisionTableRuleImpl::getId).containsExactly("Rule_UnderMinimumAge",
            "Rule_DuplicateApplication", "Rule_TimeOverlap", "Rule_TooManyCourses", "Rule_DroppedOutLastTerm", "Rule_Eligible");
    }

    @Test
    void shouldRefuseAnApplicantBelowTheMinimumAge() {
        assertOutcome(evaluate(17, 18, false, 0, false, false), false, "UNDER_MINIMUM_AGE", false);
    }

    @Test
    void shouldAcceptAnApplicantExactlyOfTheMinimumAge() {
        assertOutcome(evaluate(18, 18, false, 0, false, false), true, "ELIGIBLE", false);
    }

    @Test
    void shouldRefuseASecondActiveApplicationForTheSameCourse() {
        assertOutcome(evaluate(30, 16, true, 0, false, false), false, "DUPLICATE_APPLICATION", false);
    }

    @Test
    void shouldRefuseACourseOverlappingInTime() {
        assertOutcome(evaluate(30, 16, false, 1, true, false), false, "TIME_OVERLAP", false);
    }

    @Test
    void shouldRefuseAThirdConcurrentCourseButAcceptASecond() {
        assertOutcome(evaluate(30, 16, false, 2, false, false), false, "TOO_MANY_COURSES", false);
        assertOutcome(evaluate(30, 16, false, 1, false, false), true, "ELIGIBLE", false);
    }

    @Test
    void shouldPutSomeoneWhoDroppedOutLastTermAtTheEndOfTheWaitlist() {
        assertOutcome(evaluate(30, 16, false, 0, false, true), true, "DROPPED_OUT_LAST_TERM", true);
    }

    @Test
    void shouldGiveTheFirstMatchingRefusal() {
        // too young and a duplicate: the age is named
        assertOutcome(evaluate(15, 16, true, 2, true, true), false, "UNDER_MINIMUM_AGE", false);
        // a refusal wins over the waitlist rule
        assertOutcome(evaluate(30, 16, false, 2, false, true), false, "TOO_MANY_COURSES", false);
    }

    @Test
    void shouldAcceptARegularApplicant() {
        assertOutcome(evaluate(40, 0, false, 0, false, false), true, "ELIGIBLE", false);
    }

    private static DmnDecisionRuleResult evaluate(int age, int minimumAge, boolean active, int concurrent, boolean overlap,
            boolean droppedOut) {
        return DecisionFiles.ENGINE.evaluateDecisionTable(decision, Map.of("applicantAge", age, "minimumAge", minimumAge,
            "activeApplicationForCourse", active, "concurrentCourses", concurrent, "timeOverlap", overlap,
            "droppedOutLastTerm", droppedOut)).getSingleResult();
    }

    private static void assertOutcome(DmnDecisionRuleResult result, boolean eligible, String reason, boolean waitlistLast) {
        assertThat(result.<Boolean>getEntry("eligible")).isEqualTo(eligible);
        assertThat(result.<String>getEntry("reasonCode")).isEqualTo(reason);
        assertThat(result.<Boolean>getEntry("waitlistLast")).isEqualTo(waitlistLast);
    }
}
