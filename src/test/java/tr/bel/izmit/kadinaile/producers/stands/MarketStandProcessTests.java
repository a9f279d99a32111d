package tr.bel.izmit.kadinaile.producers.stands;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.common.web.ConflictException;
import tr.bel.izmit.kadinaile.portal.PortalApplications;
import tr.bel.izmit.kadinaile.producers.MarketplaceStub;
import tr.bel.izmit.kadinaile.producers.ProducerFixtures;
import tr.bel.izmit.kadinaile.producers.ProducerStatus;
import tr.bel.izmit.kadinaile.producers.ProducerTestData;
import tr.bel.izmit.kadinaile.producers.Producers;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Elements;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess.Vars;

/**
 * Every path of {@code market-stand-request} on the real engine: places handed out in the rotation's order,
 * confirmation, decline and cancellation passing the place on, the waiting list, and the domain rules of a request.
 * Producers are verified through the real onboarding first.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MarketStandProcessTests extends MarketplaceStub {

    /** Each test takes its own days, so that tests never compete for the same places. */
    private static final AtomicInteger NEXT_DAY = new AtomicInteger(10);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StandBookings bookings;
    @Autowired
    Producers producers;
    @Autowired
    PortalApplications portal;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    // ---------------------------------------------------------------- confirmed, declined, no place

    @Test
    void shouldHoldAFreePlaceLetTheCoordinatorConfirmItAndEndAfterTheStandDay() {
        Producer ayten = producer();
        LocalDate day = freshDay();
        ProcessInstance instance = request(ayten, "SANAT_SOKAGI", day);
        Assertions.assertThat(instance.getBusinessKey()).matches("ST-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(instance).isWaitingAt(Elements.ALLOCATION_TIME);
        Assertions.assertThat(timer(instance).getDuedate()).isEqualTo(java.util.Date.from(
            day.minusDays(3).atTime(10, 0).atZone(tr.bel.izmit.kadinaile.common.ClockConfiguration.ISTANBUL).toInstant()));

        allocate(instance);
        assertThat(instance).isWaitingAt(Elements.CONFIRM);
        Task confirm = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(confirm).hasCandidateGroup("market-coordinators");
        Assertions.assertThat(confirm.getName()).isEqualTo("Stant talebini onayla (" + instance.getBusinessKey() + ")");
        Assertions.assertThat(status(instance)).isEqualTo(StandRequest.Status.HELD);

        decide(instance, Map.of(Vars.CONFIRMATION, "CONFIRM"));
        assertThat(instance).isWaitingAt(Elements.STAND_DAY_OVER).hasPassed(Elements.NOTIFY_CONFIRMED);
        Assertions.assertThat(status(instance)).isEqualTo(StandRequest.Status.CONFIRMED);
        Assertions.assertThat(bookings.placesOf("SANAT_SOKAGI", day)[1]).isEqualTo(1);

        execute(timer(instance));
        assertThat(instance).isEnded().hasPassed(Elements.END_STAND_HELD);
        Assertions.assertThat(status(instance)).isEqualTo(StandRequest.Status.CONFIRMED);
    }

    @Test
    void shouldGiveTheDeclinedPlaceToTheNextRequestInLine() {
        LocalDate day = freshDay();
        ProcessInstance first = request(producer(), "CUMHURIYET_PARKI", day);
        ProcessInstance second = request(producer(), "CUMHURIYET_PARKI", day);
        places("CUMHURIYET_PARKI", day, 1);

        allocate(first);
        allocate(second);
        assertThat(first).isWaitingAt(Elements.CONFIRM);
        assertThat(second).isWaitingAt(Elements.WAIT_FOR_PLACE);

        decide(first, Map.of(Vars.CONFIRMATION, "DECLINE", Vars.DECLINE_REASON, "Tezgâh ürün çeşidine uygun değil."));

        assertThat(first).isEnded().hasPassed(Elements.NOTIFY_DECLINED, Elements.END_DECLINED);
        Assertions.assertThat(bookings.request(requestId(first)).declineReason()).isEqualTo("Tezgâh ürün çeşidine uygun değil.");
        assertThat(second).isWaitingAt(Elements.CONFIRM).hasPassed(Elements.PLACE_OFFERED);
        Assertions.assertThat(status(second)).isEqualTo(StandRequest.Status.HELD);
        Assertions.assertThat(bookings.placesOf("CUMHURIYET_PARKI", day)).containsExactly(1, 1);
    }

    @Test
    void shouldEndWithoutAPlaceWhenNoneFreesUpBeforeTheStandDay() {
        LocalDate day = freshDay();
        ProcessInstance first = request(producer(), "CUMHURIYET_PARKI", day);
        ProcessInstance second = request(producer(), "CUMHURIYET_PARKI", day);
        places("CUMHURIYET_PARKI", day, 1);
        allocate(first);
        allocate(second);

        execute(timer(second));

        assertThat(second).isEnded().hasPassed(Elements.STAND_DAY_STARTED, Elements.NOTIFY_NO_PLACE, Elements.END_NO_PLACE);
        Assertions.assertThat(status(second)).isEqualTo(StandRequest.Status.NO_PLACE);
        assertThat(first).isWaitingAt(Elements.CONFIRM);
    }

    @Test
    void shouldDropAPlaceNotConfirmedBeforeTheStandDay() {
        LocalDate day = freshDay();
        ProcessInstance instance = request(producer(), "DOLPHIN", day);
        allocate(instance);

        execute(timer(instance));

        assertThat(instance).isEnded().hasPassed(Elements.CONFIRMATION_TOO_LATE, Elements.END_NO_PLACE).hasNotPassed(Elements.NOTIFY_CONFIRMED, Elements.NOTIFY_DECLINED);
        Assertions.assertThat(status(instance)).isEqualTo(StandRequest.Status.NO_PLACE);
        Assertions.assertThat(bookings.placesOf("DOLPHIN", day)[1]).isZero();
    }

    // ---------------------------------------------------------------- fair rotation

    @Test
    void shouldGivePlacesToProducersWithFewerStandDaysThisMonthThenToEarlierRequests() {
        LocalDate month = LocalDate.now(ClockConfiguration.ISTANBUL).plusMonths(2).withDayOfMonth(1);
        Producer busy = producer();
        Producer quiet = producer();
        Producer quietLater = producer();
        Producer quietLatest = producer();
        // the busy producer already has two stands this month
        for (int d = 2; d <= 3; d++) {
            ProcessInstance earlier = request(busy, "ANITPARK", month.plusDays(d));
            allocate(earlier);
            decide(earlier, Map.of(Vars.CONFIRMATION, "CONFIRM"));
        }
        LocalDate day = month.plusDays(20);
        ProcessInstance busyRequest = request(busy, "KULTUR_TEPESI", day);
        ProcessInstance quietRequest = request(quiet, "KULTUR_TEPESI", day);
        ProcessInstance quietLaterRequest = request(quietLater, "KULTUR_TEPESI", day);
        ProcessInstance quietLatestRequest = request(quietLatest, "KULTUR_TEPESI", day);
        places("KULTUR_TEPESI", day, 2);

        // the busy producer asked first, and her allocation job happens to run first: she still waits
        allocate(busyRequest);
        assertThat(busyRequest).isWaitingAt(Elements.WAIT_FOR_PLACE);
        Assertions.assertThat(status(quietRequest)).isEqualTo(StandRequest.Status.HELD);
        Assertions.assertThat(status(quietLaterRequest)).isEqualTo(StandRequest.Status.HELD);
        Assertions.assertThat(status(quietLatestRequest)).isEqualTo(StandRequest.Status.WAITING);

        allocate(quietRequest);
        allocate(quietLaterRequest);
        allocate(quietLatestRequest);
        assertThat(quietRequest).isWaitingAt(Elements.CONFIRM);
        assertThat(quietLaterRequest).isWaitingAt(Elements.CONFIRM);
        assertThat(quietLatestRequest).isWaitingAt(Elements.WAIT_FOR_PLACE);
        Assertions.assertThat(runtimeService.getVariable(busyRequest.getId(), Vars.STAND_DAYS_THIS_MONTH)).isEqualTo(2L);

        // a freed place goes to the one with fewer stand-days (the latest request), not to the earliest
        decide(quietLaterRequest, Map.of(Vars.CONFIRMATION, "DECLINE", Vars.DECLINE_REASON, "Elektrik bağlantısı yok."));
        assertThat(quietLatestRequest).isWaitingAt(Elements.CONFIRM);
        assertThat(busyRequest).isWaitingAt(Elements.WAIT_FOR_PLACE);
    }

    @Test
    void shouldLetTheVillageWhoseTurnItIsGoFirstAtTheKaraabdulbakiMarket() {
        LocalDate day = LocalDate.now(ClockConfiguration.ISTANBUL).plusDays(30);
        while (!StandRotation.villageOfTheWeek(day).equals("Sultaniye")) {
            day = day.plusDays(1);
        }
        Producer hasanciklar = producer("Hasancıklar");
        Producer sultaniye = producer("Sultaniye köyü");
        ProcessInstance early = request(hasanciklar, "KARAABDULBAKI_PAZARI", day);
        ProcessInstance late = request(sultaniye, "KARAABDULBAKI_PAZARI", day);
        places("KARAABDULBAKI_PAZARI", day, 1);

        allocate(early);
        allocate(late);

        assertThat(late).isWaitingAt(Elements.CONFIRM);
        assertThat(early).isWaitingAt(Elements.WAIT_FOR_PLACE);
    }

    // ---------------------------------------------------------------- cancellation by the producer

    @Test
    void shouldPassThePlaceOnWhenTheProducerCancelsThroughThePortal() {
        LocalDate day = freshDay();
        Producer ayten = producer();
        Map<String, Object> form = new HashMap<>(Map.of(Vars.PRODUCER_CODE, ayten.code().toLowerCase(),
            Vars.VERIFICATION_CODE, ayten.lastFour(), Vars.LOCATION, "BURDA_AVM", Vars.STAND_DATE, day.toString()));
        String code = portal.submit(MarketStandProcess.KEY, form, null).trackingCode();
        ProcessInstance first = instance(code);
        ProcessInstance second = request(producer(), "BURDA_AVM", day);
        places("BURDA_AVM", day, 1);
        allocate(first);
        allocate(second);
        decide(first, Map.of(Vars.CONFIRMATION, "CONFIRM"));
        Assertions.assertThat(portal.status(code).orElseThrow().withdrawable()).isTrue();

        portal.withdraw(code);

        assertThat(first).isEnded().hasPassed(Elements.CANCELLED_BY_PRODUCER, Elements.RELEASE_PLACE, Elements.END_CANCELLED);
        Assertions.assertThat(status(first)).isEqualTo(StandRequest.Status.CANCELLED);
        assertThat(second).isWaitingAt(Elements.CONFIRM);
        Assertions.assertThat(portal.status(code).orElseThrow().steps()).extracting(PortalApplications.Step::label)
            .contains("Stant talebiniz alındı", "Standınız onaylandı", "Talebinizi iptal ettiniz");
        assertThatThrownBy(() -> portal.withdraw(code)).isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldLetTheProducerCancelWhileStillOnTheWaitingList() {
        LocalDate day = freshDay();
        ProcessInstance instance = request(producer(), "BELSA_ONU", day);

        portal.withdraw(instance.getBusinessKey());

        assertThat(instance).isEnded().hasPassed(Elements.END_CANCELLED).hasNotPassed(Elements.ALLOCATE);
        Assertions.assertThat(status(instance)).isEqualTo(StandRequest.Status.CANCELLED);
    }

    // ---------------------------------------------------------------- bad input and who may ask

    @Test
    void shouldRefuseAStandAtAnUnknownLocationOrOnAPastDate() {
        Producer ayten = producer();
        assertRefused(form(ayten, "TAKSIM_MEYDANI", freshDay()), Vars.LOCATION, "Stant yeri için geçersiz seçim.");
        assertRefused(form(ayten, "ANITPARK", LocalDate.now(ClockConfiguration.ISTANBUL).minusDays(1)), Vars.STAND_DATE, "Stant tarihi geçmiş bir tarih olamaz.");
        assertRefused(form(ayten, "ANITPARK", LocalDate.now(ClockConfiguration.ISTANBUL)), Vars.STAND_DATE,
            "Stant tarihi en erken yarın olabilir; geçmiş bir tarih ya da bugün seçilemez.");
        assertRefused(form(ayten, "ANITPARK", LocalDate.now(ClockConfiguration.ISTANBUL).plusDays(200)), Vars.STAND_DATE,
            "Stant en fazla 120 gün sonrası için istenebilir.");
    }

    @Test
    void shouldAcceptAFestivalOnlyOnItsDays() {
        Producer ayten = producer();
        LocalDate festival = LocalDate.now(ClockConfiguration.ISTANBUL).plusDays(45);
        jdbc.update("insert into st_event_day (location_code, event_date) values ('FESTIVAL_30_AGUSTOS', ?)", java.sql.Date.valueOf(festival));

        assertRefused(form(ayten, "FESTIVAL_30_AGUSTOS", festival.plusDays(1)), Vars.STAND_DATE, null);
        ProcessInstance accepted = runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, form(ayten, "FESTIVAL_30_AGUSTOS", festival));
        assertThat(accepted).isWaitingAt(Elements.ALLOCATION_TIME);
        Assertions.assertThat(runtimeService.getVariable(accepted.getId(), Vars.LOCATION_NAME)).isEqualTo("30 Ağustos etkinlikleri");
    }

    @Test
    void shouldRefuseAWrongSecondFactorOrAnUnknownCodeWithTheSameMessage() {
        Producer ayten = producer();
        Map<String, Object> wrongFactor = form(ayten, "ANITPARK", freshDay());
        wrongFactor.put(Vars.VERIFICATION_CODE, ayten.lastFour().equals("0000") ? "1111" : "0000");
        assertRefused(wrongFactor, Vars.PRODUCER_CODE, "Üretici kodu ya da doğrulama bilgisi hatalı.");
        Map<String, Object> unknown = form(ayten, "ANITPARK", freshDay());
        unknown.put(Vars.PRODUCER_CODE, "UR-0000-0000");
        assertRefused(unknown, Vars.PRODUCER_CODE, "Üretici kodu ya da doğrulama bilgisi hatalı.");
    }

    @Test
    void shouldRefuseASecondRequestOfTheSameProducerForTheSameDay() {
        Producer ayten = producer();
        LocalDate day = freshDay();
        request(ayten, "ANITPARK", day);
        assertRefused(form(ayten, "DOLPHIN", day), Vars.STAND_DATE, "Bu tarih için zaten bir stant talebiniz var.");
    }

    @Test
    void shouldOpenTheKaraabdulbakiMarketOnlyToItsVillages() {
        Producer fromKozluk = producer();
        assertRefused(form(fromKozluk, "KARAABDULBAKI_PAZARI", freshDay()), Vars.LOCATION, null);
    }

    @Test
    void shouldRefuseStandsWhileTheProducerIsSuspendedAndAcceptThemAgainWhenReinstated() {
        Producer ayten = producer();
        producers.suspend(ayten.code(), "Denetimde etiketsiz ürün satıldığı görüldü.", "seda.kurt");

        assertRefused(form(ayten, "ANITPARK", freshDay()), Vars.PRODUCER_CODE,
            "Üretici kaydınız askıya alınmış; askı kalkana kadar stant talep edemezsiniz.");

        producers.reinstate(ayten.code(), "Ürün etiketleri düzeltildi.", "seda.kurt");
        assertThat(request(ayten, "ANITPARK", freshDay())).isWaitingAt(Elements.ALLOCATION_TIME);
        var producer = producers.byCode(ayten.code());
        Assertions.assertThat(producer.getStatus()).isEqualTo(ProducerStatus.VERIFIED);
        Assertions.assertThat(producers.history(producer.getId()))
            .filteredOn(c -> c.getChangedBy() != null)
            .extracting(c -> c.getToStatus() + ": " + c.getReason() + " (" + c.getChangedBy() + ")")
            .containsExactly("SUSPENDED: Denetimde etiketsiz ürün satıldığı görüldü. (seda.kurt)",
                "VERIFIED: Ürün etiketleri düzeltildi. (seda.kurt)");
        assertThatThrownBy(() -> producers.reinstate(ayten.code(), "tekrar", "seda.kurt")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> producers.suspend(ayten.code(), " ", "seda.kurt")).isInstanceOf(ValidationFailedException.class);
    }

    @Test
    void shouldRefuseStandsToAProducerWhoseApplicationIsStillUnderReview() {
        Map<String, Object> application = ProducerTestData.person();
        ProcessInstance onboarding = runtimeService.startProcessInstanceByKey("producer-onboarding", application);
        Producer pending = new Producer(onboarding.getBusinessKey(), ProducerTestData.lastFourOfPhone(application));
        assertRefused(form(pending, "ANITPARK", freshDay()), Vars.PRODUCER_CODE,
            "Stant talebi için üretici başvurunuzun onaylanmış ve dayanışma buluşmasına katılmış olmanız gerekir.");
    }

    // ---------------------------------------------------------------- helpers

    record Producer(String code, String lastFour) {
    }

    private Producer producer() {
        return producer("Kozluk");
    }

    private Producer producer(String neighbourhood) {
        Map<String, Object> application = ProducerTestData.person();
        String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, neighbourhood, application);
        return new Producer(code, ProducerTestData.lastFourOfPhone(application));
    }

    private static LocalDate freshDay() {
        return LocalDate.now(ClockConfiguration.ISTANBUL).plusDays(NEXT_DAY.getAndIncrement());
    }

    private static Map<String, Object> form(Producer producer, String location, LocalDate day) {
        Map<String, Object> form = new HashMap<>();
        form.put(Vars.PRODUCER_CODE, producer.code());
        form.put(Vars.VERIFICATION_CODE, producer.lastFour());
        form.put(Vars.LOCATION, location);
        form.put(Vars.STAND_DATE, day.toString());
        return form;
    }

    private ProcessInstance request(Producer producer, String location, LocalDate day) {
        return runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, form(producer, location, day));
    }

    private void assertRefused(Map<String, Object> form, String field, String message) {
        long before = jdbc.queryForObject("select count(*) from st_request", Long.class);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, form))
            .isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> {
                List<FieldError> errors = ((ValidationFailedException) e).getErrors();
                Assertions.assertThat(errors).extracting(FieldError::field).containsExactly(field);
                if (message != null) {
                    Assertions.assertThat(errors.get(0).message()).isEqualTo(message);
                }
            });
        Assertions.assertThat(jdbc.queryForObject("select count(*) from st_request", Long.class)).isEqualTo(before);
    }

    /** Sets the number of places of the location on that day (the row exists once a request was made). */
    private void places(String location, LocalDate day, int capacity) {
        Assertions.assertThat(jdbc.update("update st_location_day set capacity = ? where location_code = ? and stand_date = ?",
            capacity, location, java.sql.Date.valueOf(day))).isEqualTo(1);
    }

    /** The allocation time comes (its timer) and the allocation job runs. */
    private void allocate(ProcessInstance instance) {
        execute(timer(instance));
        Job allocation = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(Elements.ALLOCATE).singleResult();
        execute(allocation);
    }

    private Job timer(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private void decide(ProcessInstance instance, Map<String, Object> values) {
        identityService.setAuthentication("seda.kurt", List.of("market-coordinators"));
        try {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(Elements.CONFIRM).singleResult();
            taskService.complete(task.getId(), new HashMap<>(values));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ProcessInstance instance(String trackingCode) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingCode).singleResult();
    }

    private long requestId(ProcessInstance instance) {
        return bookings.requestByCode(instance.getBusinessKey()).orElseThrow().id();
    }

    private StandRequest.Status status(ProcessInstance instance) {
        return bookings.requestByCode(instance.getBusinessKey()).orElseThrow().status();
    }
}
