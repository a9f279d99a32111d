package tr.bel.izmit.kadinaile.producers.stands;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerJavaDelegateMock;
import static org.camunda.community.mockito.CamundaMockito.verifyJavaDelegateMock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Elements;
import tr.bel.izmit.kadinaile.support.ModelTestEngine;

/**
 * Fast tier: the model {@code market-stand-request} alone (BPMN and forms) on a plain in-memory engine, every delegate,
 * listener and bean mocked. The allocation rules, the capacity constraint and the application's engine plugins are
 * covered by {@link MarketStandProcessTests} (full application) and {@code StandBookingPostgresIT}.
 */
@ExtendWith(ModelTestEngine.class)
@Deployment(resources = {"bpmn/market-stand-request.bpmn", "forms/market-stand-request-start.form",
    "forms/market-stand-request-confirm.form"})
class MarketStandModelTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static final long REQUEST = 31L;

    StandRequests requests;

    @BeforeEach
    void mockTheApplication() {
        ModelTestEngine.mockDelegates("bpmn/market-stand-request.bpmn", "formValidation");
        requests = ModelTestEngine.mockBean("standRequests", StandRequests.class);
    }

    @Test
    void shouldAllocateThreeDaysBeforeAndHoldTheStandUntilTheDayIsOver() {
        placeHeld(true);
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(Elements.ALLOCATION_TIME);

        execute(job(Elements.ALLOCATION_TIME, instance));
        execute(job(Elements.ALLOCATE, instance));
        verifyJavaDelegateMock("allocateStandPlace").executed(times(1));
        assertThat(instance).isWaitingAt(Elements.CONFIRM);
        assertThat(task(instance)).hasCandidateGroup("market-coordinators");

        complete(task(instance), withVariables("confirmation", "CONFIRM"));
        verify(requests).confirm(REQUEST);
        assertThat(instance).hasPassed(Elements.NOTIFY_CONFIRMED).isWaitingAt(Elements.STAND_DAY_OVER);
        execute(job(Elements.STAND_DAY_OVER, instance));

        assertThat(instance).isEnded().hasPassed(Elements.END_STAND_HELD);
    }

    @Test
    void shouldEndDeclinedWithTheCoordinatorsReason() {
        placeHeld(true);
        ProcessInstance instance = toAllocation();

        complete(task(instance), withVariables("confirmation", "DECLINE", "declineReason", "Tezgah bakımda."));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_DECLINED, Elements.END_DECLINED);
        verify(requests).decline(REQUEST, "Tezgah bakımda.");
        verify(requests, never()).confirm(REQUEST);
    }

    @Test
    void shouldWaitForAFreedPlaceAndOfferItWhenOneIsReleased() {
        placeHeld(false);
        ProcessInstance instance = toAllocation();
        assertThat(instance).isWaitingAt(Elements.WAIT_FOR_PLACE);

        runtimeService().createMessageCorrelation(MarketStandProcess.Messages.PLACE_OFFERED).processInstanceId(instance.getId())
            .correlate();

        assertThat(instance).hasPassed(Elements.PLACE_OFFERED).isWaitingAt(Elements.CONFIRM);
    }

    @Test
    void shouldTellTheProducerOnTheDayThatNoPlaceWasFree() {
        placeHeld(false);
        ProcessInstance instance = toAllocation();

        execute(job(Elements.STAND_DAY_STARTED, instance));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_NO_PLACE, Elements.END_NO_PLACE);
        verify(requests).noPlace(REQUEST);
    }

    @Test
    void shouldGiveThePlaceUpWhenNobodyConfirmedBeforeTheDayStarted() {
        placeHeld(true);
        ProcessInstance instance = toAllocation();

        execute(job(Elements.CONFIRMATION_TOO_LATE, instance));

        assertThat(instance).isEnded().hasPassed(Elements.CONFIRMATION_TOO_LATE, Elements.END_NO_PLACE);
        verify(requests).noPlace(REQUEST);
    }

    @Test
    void shouldReleaseThePlaceWhenTheProducerCancels() {
        placeHeld(true);
        ProcessInstance instance = toAllocation();

        runtimeService().createMessageCorrelation(MarketStandProcess.Messages.CANCELLED_BY_PRODUCER)
            .processInstanceId(instance.getId()).correlate();

        assertThat(instance).isEnded().hasPassed(Elements.RELEASE_PLACE, Elements.END_CANCELLED);
        verify(requests).cancelByProducer(REQUEST);
    }

    // ---------------------------------------------------------------- helpers

    private void placeHeld(boolean held) {
        registerJavaDelegateMock("allocateStandPlace").onExecutionSetVariables(Map.of("placeHeld", held, "standDaysThisMonth", 1L));
    }

    /** Starts the request as the intake listener leaves it: our id and the times of its timers. */
    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(MarketStandProcess.KEY, "ST-TEST-0031", Map.of(
            "requestId", REQUEST, "trackingCode", "ST-TEST-0031", "allocationAt", inHours(1),
            "standDayStartsAt", inHours(72), "standDayEndsAt", inHours(82)));
    }

    private ProcessInstance toAllocation() {
        ProcessInstance instance = start();
        execute(job(Elements.ALLOCATION_TIME, instance));
        execute(job(Elements.ALLOCATE, instance));
        return instance;
    }

    private static Date inHours(int hours) {
        return new Date(System.currentTimeMillis() + hours * 3_600_000L);
    }
}
