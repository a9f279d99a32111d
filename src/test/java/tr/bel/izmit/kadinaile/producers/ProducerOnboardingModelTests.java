package tr.bel.izmit.kadinaile.producers;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerJavaDelegateMock;
import static org.camunda.community.mockito.CamundaMockito.verifyJavaDelegateMock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.support.ModelTestEngine;

/**
 * Fast tier: the model {@code producer-onboarding} alone (BPMN and forms) on a plain in-memory engine, every delegate,
 * listener and bean mocked. The marketplace client, our tables and the application's engine plugins are covered by
 * {@link ProducerOnboardingProcessTests} (full application).
 */
@ExtendWith(ModelTestEngine.class)
@Deployment(resources = {"bpmn/producer-onboarding.bpmn", "forms/producer-onboarding-start.form",
    "forms/producer-onboarding-review.form", "forms/producer-onboarding-food-safety.form",
    "forms/producer-onboarding-orientation.form"})
class ProducerOnboardingModelTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static final long PRODUCER = 23L;

    Producers producers;

    @BeforeEach
    void mockTheApplication() {
        ModelTestEngine.mockDelegates("bpmn/producer-onboarding.bpmn", "formValidation");
        producers = ModelTestEngine.mockBean("producers", Producers.class);
        registerJavaDelegateMock("inviteToOrientation").onExecutionSetVariable("meetingDate",
            LocalDate.now().plusDays(10).toString());
    }

    @Test
    void shouldVerifyAFoodProducerAfterReviewFoodSafetyAndOrientationAndOpenHerShop() {
        ProcessInstance instance = start(true, true);
        assertThat(instance).isWaitingAt(Elements.REVIEW, Elements.FOOD_SAFETY);
        verify(producers).markStatus(PRODUCER, "IN_REVIEW");

        complete(taskAt(instance, Elements.REVIEW), withVariables("reviewDecision", "APPROVE"));
        assertThat(instance).isWaitingAt(Elements.FOOD_SAFETY).isNotWaitingAt(Elements.INVITE_TO_ORIENTATION);
        Task foodSafety = taskAt(instance, Elements.FOOD_SAFETY);
        assertThat(foodSafety).hasCandidateGroup("food-safety-officers");
        complete(foodSafety, withVariables("foodSafetyDecision", "PASS"));

        assertThat(instance).hasPassed(Elements.JOIN_CHECKS, Elements.INVITE_TO_ORIENTATION).isWaitingAt(Elements.RECORD_ORIENTATION);
        complete(task(instance), withVariables("orientationAttendance", "ATTENDED"));
        verify(producers).recordAttendance(PRODUCER);
        assertThat(instance).isWaitingAt(Elements.OPEN_SHOP);
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_VERIFIED, Elements.END_VERIFIED);
        verifyJavaDelegateMock("openShop").executed(times(1));
    }

    @Test
    void shouldSkipFoodSafetyAndTheShopForAStandsOnlyCraftProducer() {
        ProcessInstance instance = start(false, false);
        assertThat(instance).isWaitingAt(Elements.REVIEW).isNotWaitingAt(Elements.FOOD_SAFETY);

        complete(task(instance), withVariables("reviewDecision", "APPROVE"));
        complete(task(instance), withVariables("orientationAttendance", "ATTENDED"));

        assertThat(instance).isEnded().hasPassed(Elements.END_VERIFIED).hasNotPassed(Elements.FOOD_SAFETY, Elements.OPEN_SHOP);
    }

    @Test
    void shouldInviteAgainWhenTheProducerMissedTheOrientation() {
        ProcessInstance instance = start(false, false);
        complete(task(instance), withVariables("reviewDecision", "APPROVE"));

        complete(task(instance), withVariables("orientationAttendance", "ABSENT"));

        assertThat(instance).isWaitingAt(Elements.RECORD_ORIENTATION);
        verifyJavaDelegateMock("inviteToOrientation").executed(times(2));
    }

    @Test
    void shouldEndRejectedWhenFoodSafetyFails() {
        ProcessInstance instance = start(true, true);

        complete(taskAt(instance, Elements.FOOD_SAFETY), withVariables("foodSafetyDecision", "FAIL", "foodSafetyNote", "Kayıt yok."));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_FOOD_SAFETY_FAILED, Elements.END_FOOD_SAFETY_FAILED);
        verify(producers).reject(PRODUCER, "Kayıt yok.");
    }

    @Test
    void shouldAskForMoreInformationAndReviewAgainWhenItArrives() {
        ProcessInstance instance = start(false, false);
        complete(task(instance), withVariables("reviewDecision", "MORE_INFO"));
        assertThat(instance).isWaitingAt(Elements.WAIT_FOR_INFO);
        verify(producers).markStatus(PRODUCER, "INFO_REQUESTED");

        runtimeService().createMessageCorrelation(ProducerOnboardingProcess.Messages.INFO_PROVIDED).processInstanceId(instance.getId())
            .correlate();

        assertThat(instance).isWaitingAt(Elements.REVIEW);
    }

    @Test
    void shouldWithdrawTheApplicationWhenNoInformationCameIn14Days() {
        ProcessInstance instance = start(false, false);
        complete(task(instance), withVariables("reviewDecision", "MORE_INFO"));

        execute(job(Elements.INFO_DEADLINE, instance));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN);
        verify(producers).markStatus(PRODUCER, "WITHDRAWN");
    }

    @Test
    void shouldEndRejectedWithTheReviewersReason() {
        ProcessInstance instance = start(false, false);

        complete(task(instance), withVariables("reviewDecision", "REJECT", "rejectionReason", "İzmit dışında üretim."));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED);
        verify(producers).reject(PRODUCER, "İzmit dışında üretim.");
    }

    // ---------------------------------------------------------------- helpers

    /** Starts the case as the intake listener leaves it: our id and the routing facts. */
    private ProcessInstance start(boolean sellsFood, boolean shopNeeded) {
        return runtimeService().startProcessInstanceByKey(ProducerOnboardingProcess.KEY, "UR-TEST-0023", Map.of(
            "producerId", PRODUCER, "trackingCode", "UR-TEST-0023", "sellsFood", sellsFood, "shopNeeded", shopNeeded));
    }

    private static Task taskAt(ProcessInstance instance, String activityId) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
    }
}
