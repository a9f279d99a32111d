package tr.bel.izmit.kadinaile.producers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.notification.OutboxMessage;
import tr.bel.izmit.kadinaile.notification.OutboxRepository;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Elements;
import tr.bel.izmit.kadinaile.producers.ProducerOnboardingProcess.Vars;

/**
 * Every path of {@code producer-onboarding} on the real engine with the real listeners, delegates and forms; the
 * marketplace is a real local HTTP server; timers and the asynchronous shop opening are moved on by executing jobs.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ProducerOnboardingProcessTests extends MarketplaceStub {

    @Autowired
    ProcessEngine processEngine;
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
    ProducerRepository producers;
    @Autowired
    ProducerCaseActions caseActions;
    @Autowired
    OutboxRepository outbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        marketplaceCreatesShops();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    // ---------------------------------------------------------------- verified paths

    @Test
    void shouldVerifyAPersonAfterReviewAndOrientationAndOpenHerShopOnce() {
        ProcessInstance instance = start(ProducerTestData.person());
        assertThat(instance).isWaitingAt(Elements.REVIEW).isNotWaitingAt(Elements.FOOD_SAFETY);
        Task review = taskOf(instance, Elements.REVIEW);
        assertThat(review).hasCandidateGroup("market-coordinators");
        Assertions.assertThat(review.getName()).isEqualTo("Başvuruyu incele (" + instance.getBusinessKey() + ")");
        Assertions.assertThat(instance.getBusinessKey()).matches("UR-[0-9A-Z]{4}-[0-9A-Z]{4}");

        complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));

        // invited to the next solidarity meeting (a Wednesday at least three days away); no shop before it
        assertThat(instance).isWaitingAt(Elements.RECORD_ORIENTATION).hasPassed(Elements.INVITE_TO_ORIENTATION);
        Producer invited = producer(instance);
        Assertions.assertThat(invited.getStatus()).isEqualTo(ProducerStatus.ORIENTATION);
        Assertions.assertThat(invited.getOrientationMeetingOn().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        Assertions.assertThat(invited.getOrientationMeetingOn()).isAfterOrEqualTo(LocalDate.now(ClockConfiguration.ISTANBUL).plusDays(3));
        Assertions.assertThat(invited.getShopId()).isNull();
        MARKETPLACE.verify(0, postRequestedFor(urlPathEqualTo("/shops")));

        complete(instance, Elements.RECORD_ORIENTATION, "seda.kurt", Map.of(Vars.ORIENTATION_ATTENDANCE, "ATTENDED"));
        assertThat(instance).isWaitingAt(Elements.OPEN_SHOP);
        Assertions.assertThat(producer(instance).getStatus()).isEqualTo(ProducerStatus.VERIFIED);
        execute(jobOf(instance));

        assertThat(instance).isEnded().hasPassed(Elements.OPEN_SHOP, Elements.END_VERIFIED);
        Producer verified = producer(instance);
        Assertions.assertThat(verified.getShopId()).isEqualTo("SHOP-1");
        Assertions.assertThat(verified.getShopOpenedAt()).isNotNull();
        MARKETPLACE.verify(1, postRequestedFor(urlPathEqualTo("/shops"))
            .withHeader("Idempotency-Key", equalTo("producer-" + instance.getBusinessKey())));
        Assertions.assertThat(templatesSentTo(verified)).contains("RECEIVED", "ORIENTATION_INVITATION", "VERIFIED");
    }

    @Test
    void shouldNotOpenAShopForAProducerWhoSellsAtStandsOnly() {
        Map<String, Object> form = ProducerTestData.person();
        form.put("salesChannel", "STANDS");
        ProcessInstance instance = start(form);
        complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        complete(instance, Elements.RECORD_ORIENTATION, "seda.kurt", Map.of(Vars.ORIENTATION_ATTENDANCE, "ATTENDED"));

        assertThat(instance).isEnded().hasPassed(Elements.END_VERIFIED).hasNotPassed(Elements.OPEN_SHOP);
        Assertions.assertThat(producer(instance).getStatus()).isEqualTo(ProducerStatus.VERIFIED);
        Assertions.assertThat(producer(instance).getShopId()).isNull();
        MARKETPLACE.verify(0, postRequestedFor(urlPathEqualTo("/shops")));
    }

    @Test
    void shouldInviteAgainToTheNextMeetingWhenTheProducerMissedIt() {
        ProcessInstance instance = start(ProducerTestData.person());
        complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        complete(instance, Elements.RECORD_ORIENTATION, "seda.kurt", Map.of(Vars.ORIENTATION_ATTENDANCE, "ABSENT"));

        assertThat(instance).isWaitingAt(Elements.RECORD_ORIENTATION);
        Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(Elements.INVITE_TO_ORIENTATION).count()).isEqualTo(2);
        Assertions.assertThat(producer(instance).getStatus()).isEqualTo(ProducerStatus.ORIENTATION);
        Assertions.assertThat(producer(instance).getOrientationAttendedAt()).isNull();
        Assertions.assertThat(templatesSentTo(producer(instance)).stream().filter("ORIENTATION_INVITATION"::equals)).hasSize(2);
    }

    // ---------------------------------------------------------------- food safety in parallel

    @Test
    void shouldWaitForBothTheReviewAndTheFoodSafetyCheckOfAFoodCooperative() {
        ProcessInstance instance = start(ProducerTestData.foodCooperative());
        assertThat(instance).isWaitingAt(Elements.REVIEW, Elements.FOOD_SAFETY);
        assertThat(taskOf(instance, Elements.FOOD_SAFETY)).hasCandidateGroup("food-safety-officers");

        complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        assertThat(instance).isWaitingAt(Elements.FOOD_SAFETY).isWaitingAt(Elements.JOIN_CHECKS).hasNotPassed(Elements.INVITE_TO_ORIENTATION);

        complete(instance, Elements.FOOD_SAFETY, "nur.ozdemir", Map.of(Vars.FOOD_SAFETY_DECISION, "PASS"));
        assertThat(instance).isWaitingAt(Elements.RECORD_ORIENTATION).hasPassed(Elements.FOOD_SAFETY, Elements.INVITE_TO_ORIENTATION);
        Assertions.assertThat(producer(instance).getFoodRegistrationNo()).isEqualTo("TR-41-K-012345");
    }

    @Test
    void shouldEndTheWholeApplicationWhenTheFoodSafetyCheckFails() {
        ProcessInstance instance = start(ProducerTestData.foodCooperative());
        complete(instance, Elements.FOOD_SAFETY, "nur.ozdemir",
            Map.of(Vars.FOOD_SAFETY_DECISION, "FAIL", Vars.FOOD_SAFETY_NOTE, "Kayıt numarası başka bir işletmeye ait."));

        assertThat(instance).isEnded().hasPassed(Elements.END_FOOD_SAFETY_FAILED).hasNotPassed(Elements.INVITE_TO_ORIENTATION);
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        Producer producer = producer(instance);
        Assertions.assertThat(producer.getStatus()).isEqualTo(ProducerStatus.REJECTED);
        Assertions.assertThat(producer.getRejectionReason()).isEqualTo("Kayıt numarası başka bir işletmeye ait.");
        Assertions.assertThat(templatesSentTo(producer)).contains("FOOD_SAFETY_FAILED");
    }

    @Test
    void shouldRequireTheFailureNoteOfTheFoodSafetyOfficer() {
        ProcessInstance instance = start(ProducerTestData.foodCooperative());
        assertThatThrownBy(() -> complete(instance, Elements.FOOD_SAFETY, "nur.ozdemir", Map.of(Vars.FOOD_SAFETY_DECISION, "FAIL")))
            .rootCause().isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors()).extracting(FieldError::field)
                .containsExactly(Vars.FOOD_SAFETY_NOTE));
        assertThat(instance).isWaitingAt(Elements.FOOD_SAFETY);
    }

    // ---------------------------------------------------------------- rejection, more information, withdrawal

    @Test
    void shouldRejectWithTheReasonKept() {
        ProcessInstance instance = start(ProducerTestData.foodCooperative());
        complete(instance, Elements.REVIEW, "seda.kurt",
            Map.of(Vars.REVIEW_DECISION, "REJECT", Vars.REJECTION_REASON, "Ürünler başka bir firmadan alınıp satılıyor."));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_REJECTED, Elements.END_REJECTED);
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        Producer producer = producer(instance);
        Assertions.assertThat(producer.getStatus()).isEqualTo(ProducerStatus.REJECTED);
        Assertions.assertThat(producer.getRejectionReason()).isEqualTo("Ürünler başka bir firmadan alınıp satılıyor.");
        Assertions.assertThat(bodiesSentTo(producer)).anyMatch(body -> body.contains("Ürünler başka bir firmadan alınıp satılıyor."));
    }

    @Test
    void shouldReturnToReviewWhenTheAskedForInformationArrives() {
        ProcessInstance instance = start(ProducerTestData.person());
        complete(instance, Elements.REVIEW, "seda.kurt",
            Map.of(Vars.REVIEW_DECISION, "MORE_INFO", Vars.INFO_REQUEST, "Ürünlerinizin fotoğraflarını gönderin."));
        assertThat(instance).isWaitingAt(Elements.WAIT_FOR_INFO);
        Assertions.assertThat(producer(instance).getStatus()).isEqualTo(ProducerStatus.INFO_REQUESTED);
        Assertions.assertThat(bodiesSentTo(producer(instance))).anyMatch(b -> b.contains("Ürünlerinizin fotoğraflarını gönderin."));

        caseActions.infoProvided(instance.getBusinessKey());

        assertThat(instance).isWaitingAt(Elements.REVIEW).hasPassed(Elements.INFO_PROVIDED);
        Assertions.assertThat(producer(instance).getStatus()).isEqualTo(ProducerStatus.IN_REVIEW);
        complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        assertThat(instance).isWaitingAt(Elements.RECORD_ORIENTATION);
    }

    @Test
    void shouldWithdrawTheApplicationAfter14DaysWithoutTheInformation() {
        ProcessInstance instance = start(ProducerTestData.foodCooperative());
        complete(instance, Elements.REVIEW, "seda.kurt",
            Map.of(Vars.REVIEW_DECISION, "MORE_INFO", Vars.INFO_REQUEST, "Kooperatifin faaliyet belgesini gönderin."));
        assertThat(instance).isWaitingAt(Elements.WAIT_FOR_INFO, Elements.FOOD_SAFETY);

        Job deadline = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Assertions.assertThat(deadline.getDuedate()).isAfter(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(13))));
        execute(deadline);

        assertThat(instance).isEnded().hasPassed(Elements.INFO_DEADLINE, Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN);
        Assertions.assertThat(producer(instance).getStatus()).isEqualTo(ProducerStatus.WITHDRAWN);
        Assertions.assertThat(templatesSentTo(producer(instance))).contains("WITHDRAWN");
    }

    @Test
    void shouldRequireTheReasonOfARejection() {
        ProcessInstance instance = start(ProducerTestData.person());
        assertThatThrownBy(() -> complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "REJECT")))
            .rootCause().isInstanceOf(ValidationFailedException.class)
            .hasMessageContaining("Ret gerekçesi zorunludur");
        assertThat(instance).isWaitingAt(Elements.REVIEW);
    }

    // ---------------------------------------------------------------- the marketplace fails

    @Test
    void shouldRetryTheShopOpeningThreeTimesThenRaiseAnIncident() {
        MARKETPLACE.stubFor(post(urlPathEqualTo("/shops")).willReturn(aResponse().withStatus(503)));
        ProcessInstance instance = start(ProducerTestData.person());
        complete(instance, Elements.REVIEW, "seda.kurt", Map.of(Vars.REVIEW_DECISION, "APPROVE"));
        complete(instance, Elements.RECORD_ORIENTATION, "seda.kurt", Map.of(Vars.ORIENTATION_ATTENDANCE, "ATTENDED"));

        int attempts = 0;
        Job job = jobOf(instance);
        while (job.getRetries() > 0) {
            String id = job.getId();
            assertThatThrownBy(() -> managementService.executeJob(id)).hasMessageContaining("HTTP 503");
            attempts++;
            job = jobOf(instance);
        }
        Assertions.assertThat(attempts).isEqualTo(3);
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(instance).isWaitingAt(Elements.OPEN_SHOP);
        Assertions.assertThat(producer(instance).getShopId()).isNull();

        // the marketplace is back: an administrator retries the job from Cockpit
        marketplaceCreatesShops();
        managementService.setJobRetries(job.getId(), 1);
        execute(jobOf(instance));
        assertThat(instance).isEnded().hasPassed(Elements.END_VERIFIED);
        Assertions.assertThat(producer(instance).getShopId()).isEqualTo("SHOP-1");
        Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void shouldRefuseABadTaxNumberBeforeAnythingIsStored() {
        Map<String, Object> form = ProducerTestData.foodCooperative();
        form.put("taxNumber", "2701341845");
        long before = producers.count();

        assertThatThrownBy(() -> start(form)).isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors())
                .containsExactly(new FieldError("taxNumber",
                    "Kooperatifin vergi numarası geçerli değil: 10 haneli vergi numarasının kontrol basamağı tutmuyor.")));
        Assertions.assertThat(producers.count()).isEqualTo(before);
    }

    @Test
    void shouldRequireTheFoodRegistrationNumberWhenFoodIsSold() {
        Map<String, Object> form = ProducerTestData.foodCooperative();
        form.remove("foodRegistrationNo");
        long before = producers.count();

        assertThatThrownBy(() -> start(form)).isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors()).extracting(FieldError::field)
                .containsExactly("foodRegistrationNo"));
        Assertions.assertThat(producers.count()).isEqualTo(before);
    }

    @Test
    void shouldRefuseASecondApplicationWithTheSameIdentityNumber() {
        Map<String, Object> form = ProducerTestData.person();
        start(form);
        assertThatThrownBy(() -> start(form)).isInstanceOf(ValidationFailedException.class)
            .hasMessageContaining("süren bir başvuru ya da kayıtlı bir üretici zaten var");
    }

    @Test
    void shouldRefuseADistrictOutsideKocaeli() {
        Map<String, Object> form = ProducerTestData.person();
        form.put("district", "BESIKTAS");
        assertThatThrownBy(() -> start(form)).isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors()).extracting(FieldError::field)
                .containsExactly("district"));
    }

    @Test
    void shouldKeepIdentityNumbersPhonesAndNamesOutOfTheProcessAndItsHistory() {
        ProcessInstance instance = start(ProducerTestData.foodCooperative());
        Map<String, Object> variables = runtimeService.getVariables(instance.getId());
        Assertions.assertThat(variables).doesNotContainKeys(Vars.TC_KIMLIK_NO, Vars.TAX_NUMBER, Vars.PHONE, Vars.EMAIL,
            Vars.CONTACT_NAME, Vars.PRODUCTION_PLACE, Vars.KVKK_CONSENT);
        Assertions.assertThat(variables).containsEntry(Vars.PRODUCER_NAME, "Test Kadın Kooperatifi");
        List<String> historic = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
            .stream().map(v -> v.getName()).toList();
        Assertions.assertThat(historic).contains(Vars.PRODUCER_ID, Vars.SELLS_FOOD)
            .doesNotContain(Vars.TC_KIMLIK_NO, Vars.TAX_NUMBER, Vars.PHONE, Vars.EMAIL, Vars.CONTACT_NAME, Vars.PRODUCTION_PLACE,
                Vars.PRODUCER_NAME);
        Assertions.assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
            .noneMatch(d -> d.toString().contains(producer(instance).getTaxNumber()));
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance start(Map<String, Object> form) {
        return runtimeService.startProcessInstanceByKey(ProducerOnboardingProcess.KEY, form);
    }

    private Task taskOf(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> values) {
        String group = Elements.FOOD_SAFETY.equals(taskKey) ? "food-safety-officers" : "market-coordinators";
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.complete(taskOf(instance, taskKey).getId(), new java.util.HashMap<>(values));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Job jobOf(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Producer producer(ProcessInstance instance) {
        return producers.findByTrackingCode(instance.getBusinessKey()).orElseThrow();
    }

    private List<String> templatesSentTo(Producer producer) {
        String prefix = "producer:" + producer.getId() + ":";
        return outbox.findAll().stream().map(OutboxMessage::getDedupKey).filter(k -> k.startsWith(prefix) && k.endsWith(":sms"))
            .map(k -> k.substring(prefix.length()).split(":")[0]).toList();
    }

    private List<String> bodiesSentTo(Producer producer) {
        String prefix = "producer:" + producer.getId() + ":";
        return outbox.findAll().stream().filter(m -> m.getDedupKey().startsWith(prefix)).map(OutboxMessage::getBody).toList();
    }
}
