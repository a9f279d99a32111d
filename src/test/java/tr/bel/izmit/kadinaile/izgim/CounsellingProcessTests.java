package tr.bel.izmit.kadinaile.izgim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Decisions;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Elements;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.izgim.calendar.SeriesFinished;
import tr.bel.izmit.kadinaile.izgim.calendar.TwoNoShowsInARow;
import tr.bel.izmit.kadinaile.sensitive.SensitiveCipher;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * Every path of {@code izgim-counselling} on the real engine with the real listeners, delegates and forms; the calendar
 * is a fake ({@link FakeCalendar}) and its two events are published as Spring events, as the calendar publishes them.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(FakeCalendar.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounsellingProcessTests {

    static final String PSYCHOLOGIST = "test.psikolog";
    static final String DIETITIAN = "test.diyetisyen";
    static final String OFFICER = "test.izgim";

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
    AuthorizationService authorizationService;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    FakeCalendar calendar;
    @Autowired
    CounsellingCaseRepository cases;
    @Autowired
    CounsellingCases counsellingCases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CounsellingCipher cipher;

    @BeforeAll
    void users() {
        TestUsers.create(identityService, PSYCHOLOGIST, "pw", IzgimGroups.PSYCHOLOGISTS.id());
        TestUsers.create(identityService, DIETITIAN, "pw", IzgimGroups.DIETITIANS.id());
        TestUsers.create(identityService, OFFICER, "pw", "izgim-officers");
    }

    @AfterAll
    void removeUsers() {
        for (String user : List.of(PSYCHOLOGIST, DIETITIAN, OFFICER)) {
            TestUsers.remove(identityService, authorizationService, user);
        }
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        calendar.reset();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------------- assigned, series, closure

    @Test
    void shouldBookASeriesAndCloseAsCompletedWhenTheSeriesFinished() {
        ProcessInstance instance = start(CounsellingService.ADULT_PSYCHOLOGY);
        String caseKey = instance.getBusinessKey();
        assertThat(caseKey).matches("DN-[0-9A-Z]{4}-[0-9A-Z]{4}");
        // the request's personal and health data left the process and never reached its history
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(Vars.PERSONAL_DATA.toArray(String[]::new));
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableNameIn(Vars.PERSONAL_DATA.toArray(String[]::new)).count()).isZero();
        CounsellingCase stored = cases.findByTrackingCode(caseKey).orElseThrow();
        assertThat(stored.getReason()).isEqualTo(CounsellingTestData.REASON_CANARY);
        assertThat(jdbc.queryForObject("select reason from iz_case where id = ?", String.class, stored.getId()))
            .as("encrypted at rest").doesNotContain("Kanarya");

        runJobs(instance);
        assertThat(outboxBodies()).anyMatch(body -> body.contains(caseKey) && body.contains("talebiniz alındı"));
        assertThat(instance).isWaitingAt(Elements.INTAKE).task().hasCandidateGroup("izgim-officers");
        complete(Elements.INTAKE, instance, Map.of(Vars.INTAKE_DECISION, Decisions.ASSIGN, Vars.PROFESSIONAL_ID, PSYCHOLOGIST));
        runJobs(instance);
        assertThat(instance).hasPassed(Elements.NOTIFY_ASSIGNED).isWaitingAt(Elements.PLAN_SERIES).task().isAssignedTo(PSYCHOLOGIST);
        assertThat(cases.findByTrackingCode(caseKey).orElseThrow().getProfessionalId()).isEqualTo(PSYCHOLOGIST);

        complete(Elements.PLAN_SERIES, instance, Map.of(Vars.SESSION_COUNT, 6));
        assertThat(instance).isWaitingAt(Elements.BOOK_SERIES);
        runJobs(instance);
        assertThat(calendar.bookings).singleElement().satisfies(booking -> {
            assertThat(booking.caseKey()).isEqualTo(caseKey);
            assertThat(booking.trackingCode()).isEqualTo(caseKey);
            assertThat(booking.service()).isEqualTo(CounsellingService.ADULT_PSYCHOLOGY);
            assertThat(booking.professional()).isEqualTo(PSYCHOLOGIST);
            assertThat(booking.sessions()).isEqualTo(6);
        });
        assertThat(instance).hasPassed(Elements.NOTIFY_SERIES_BOOKED).isWaitingAt(Elements.GATEWAY_SERIES_RUNNING);
        assertThat(outboxBodies()).anyMatch(body -> body.contains("6 seans"));

        events.publishEvent(new SeriesFinished("DN-NONE-0000"));
        assertThat(instance).isWaitingAt(Elements.GATEWAY_SERIES_RUNNING);
        events.publishEvent(new SeriesFinished(caseKey));
        assertThat(instance).hasPassed(Elements.SERIES_FINISHED).isWaitingAt(Elements.CLOSE_CASE).task().isAssignedTo(PSYCHOLOGIST);

        complete(Elements.CLOSE_CASE, instance, Map.of(Vars.CLOSURE_OUTCOME, Decisions.COMPLETED));
        runJobs(instance);
        assertThat(calendar.cancellations).containsExactly(caseKey);
        assertThat(instance).hasPassed(Elements.CANCEL_SERIES, Elements.NOTIFY_CLOSED, Elements.END_COMPLETED).isEnded();
        CounsellingCase closed = cases.findByTrackingCode(caseKey).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(CounsellingCase.Status.CLOSED);
        assertThat(closed.getClosureOutcome()).isEqualTo(Decisions.COMPLETED);
    }

    @Test
    void shouldCloseAsReferredElsewhereAfterTheSeries() {
        ProcessInstance instance = assignedAndBooked(CounsellingService.DIETITIAN, DIETITIAN);
        events.publishEvent(new SeriesFinished(instance.getBusinessKey()));
        complete(Elements.CLOSE_CASE, instance, Map.of(Vars.CLOSURE_OUTCOME, Decisions.REFERRED_ELSEWHERE));
        runJobs(instance);
        assertThat(instance).hasPassed(Elements.END_REFERRED_ELSEWHERE).isEnded();
    }

    @Test
    void shouldLetTheProfessionalContinueWithANewSeriesAfterTwoNoShowsThenCloseWhenStoppedByTheClient() {
        ProcessInstance instance = assignedAndBooked(CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST);
        String caseKey = instance.getBusinessKey();

        events.publishEvent(new TwoNoShowsInARow(caseKey));
        assertThat(instance).hasPassed(Elements.TWO_NO_SHOWS).isWaitingAt(Elements.CONFIRM_NO_SHOWS).task().isAssignedTo(PSYCHOLOGIST);
        // a late event for a case that no longer waits for it changes nothing
        events.publishEvent(new SeriesFinished(caseKey));
        assertThat(instance).isWaitingAt(Elements.CONFIRM_NO_SHOWS);

        complete(Elements.CONFIRM_NO_SHOWS, instance, Map.of(Vars.NO_SHOW_DECISION, Decisions.NEW_SERIES));
        runJobs(instance);
        assertThat(calendar.cancellations).as("the rest of the first series").containsExactly(caseKey);
        assertThat(instance).hasPassed(Elements.CANCEL_REMAINING_SESSIONS).isWaitingAt(Elements.PLAN_SERIES);
        complete(Elements.PLAN_SERIES, instance, Map.of(Vars.SESSION_COUNT, 3));
        runJobs(instance);
        assertThat(calendar.bookings).hasSize(2);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.SERIES_NUMBER)).isEqualTo(2L);

        events.publishEvent(new TwoNoShowsInARow(caseKey));
        complete(Elements.CONFIRM_NO_SHOWS, instance, Map.of(Vars.NO_SHOW_DECISION, Decisions.CLOSE));
        assertThat(instance).isWaitingAt(Elements.CLOSE_CASE);
        complete(Elements.CLOSE_CASE, instance, Map.of(Vars.CLOSURE_OUTCOME, Decisions.STOPPED_BY_CLIENT));
        runJobs(instance);
        assertThat(instance).hasPassed(Elements.END_STOPPED_BY_CLIENT).isEnded();
        assertThat(calendar.cancellations).containsExactly(caseKey, caseKey);
    }

    @Test
    void shouldWaitOnATimerWhileTheCalendarIsFullAndBookOnTheNextTry() {
        ProcessInstance instance = assigned(CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST);
        complete(Elements.PLAN_SERIES, instance, Map.of(Vars.SESSION_COUNT, 4));
        calendar.full = true;
        runJobs(instance);
        assertThat(instance).hasPassed(Elements.CALENDAR_FULL).isWaitingAt(Elements.RETRY_BOOKING);
        assertThat(calendar.bookings).isEmpty();

        calendar.full = false;
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService.executeJob(timer.getId());
        runJobs(instance);
        assertThat(calendar.bookings).hasSize(1);
        assertThat(instance).isWaitingAt(Elements.GATEWAY_SERIES_RUNNING);
    }

    /** The shared kit's cipher with the counselling key; values the earlier cipher stored stay readable. */
    @Test
    void shouldKeepNotesEncryptedAtRestAndReadWhatTheEarlierCipherStored() {
        String caseKey = bookedWithANote().getBusinessKey();
        CounsellingAccess.Caller author = psychologist();
        Long caseId = cases.findByTrackingCode(caseKey).orElseThrow().getId();
        String body = jdbc.queryForObject("select body from iz_session_note where case_id = ?", String.class, caseId);
        assertThat(body).doesNotContain("Kanarya");
        assertThat(java.util.Base64.getDecoder().decode(body)[0]).isEqualTo(SensitiveCipher.VERSION_1);
        assertThat(cipher.decrypt(body)).isEqualTo(CounsellingTestData.NOTE_CANARY);

        // as CounsellingCipher stored values until a85997c: Spring Security's AesBytesEncryptor, GCM, a 16-byte IV
        AesBytesEncryptor earlier = new AesBytesEncryptor(new SecretKeySpec(SensitiveCipher.decodeKey(IzgimDataKeyGuard.DEVELOPMENT_KEY),
            "AES"), KeyGenerators.secureRandom(16), AesBytesEncryptor.CipherAlgorithm.GCM);
        java.util.function.Function<String, String> stored = text -> java.util.Base64.getEncoder()
            .encodeToString(earlier.encrypt(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        jdbc.update("update iz_case set reason = ? where id = ?", stored.apply("Önceki biçimde neden"), caseId);
        jdbc.update("insert into iz_session_note (case_id, author, session_id, created_at, body) values (?, ?, 2, current_timestamp, ?)",
            caseId, PSYCHOLOGIST, stored.apply("Önceki biçimde not"));

        assertThat(counsellingCases.readRecord(caseKey, author, "127.0.0.1").reason()).isEqualTo("Önceki biçimde neden");
        assertThat(counsellingCases.readNotes(caseKey, author, "127.0.0.1")).extracting(CounsellingCases.NoteView::text)
            .containsExactlyInAnyOrder(CounsellingTestData.NOTE_CANARY, "Önceki biçimde not");
    }

    @Test
    void shouldEraseThePersonalDataAndNotesThirtyDaysAfterClosureAndKeepTheOutcome() {
        ProcessInstance instance = bookedWithANote();
        String caseKey = instance.getBusinessKey();
        events.publishEvent(new SeriesFinished(caseKey));
        complete(Elements.CLOSE_CASE, instance, Map.of(Vars.CLOSURE_OUTCOME, Decisions.COMPLETED));
        runJobs(instance);
        Long caseId = cases.findByTrackingCode(caseKey).orElseThrow().getId();

        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(29))));
        counsellingCases.erasePersonalDataDueForRetention();
        assertThat(cases.findById(caseId).orElseThrow().isPersonalDataErased()).as("not before 30 days").isFalse();

        ClockUtil.setCurrentTime(Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
        assertThat(counsellingCases.erasePersonalDataDueForRetention()).isGreaterThanOrEqualTo(1);
        Map<String, Object> erased = jdbc.queryForMap("select full_name, phone, email, reason, preferred_times, child_age, service,"
            + " professional_id, closure_outcome from iz_case where id = ?", caseId);
        assertThat(erased).containsEntry("full_name", null).containsEntry("phone", null).containsEntry("reason", null)
            .containsEntry("preferred_times", null).containsEntry("service", "ADULT_PSYCHOLOGY")
            .containsEntry("professional_id", PSYCHOLOGIST).containsEntry("closure_outcome", Decisions.COMPLETED);
        assertThat(jdbc.queryForObject("select count(*) from iz_session_note where case_id = ?", Integer.class, caseId)).isZero();
        assertThat(counsellingCases.auditOf(caseKey)).extracting(CounsellingAudit::getAction)
            .contains(CounsellingAudit.Action.WROTE_NOTE, CounsellingAudit.Action.PERSONAL_DATA_ERASED);
        assertThat(counsellingCases.addresseeOf(caseKey)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- intake outcomes

    @Test
    void shouldReferOut() {
        ProcessInstance instance = atIntake(CounsellingService.FAMILY_PSYCHOLOGY);
        complete(Elements.INTAKE, instance, Map.of(Vars.INTAKE_DECISION, Decisions.REFER_OUT, Vars.REFER_OUT_TO, "RAM"));
        runJobs(instance);
        assertThat(instance).hasPassed(Elements.NOTIFY_REFERRED_OUT, Elements.END_REFERRED_OUT).isEnded();
    }

    @Test
    void shouldHandAnUrgentCaseToTheViolenceLineWithEmergencyGuidanceAtOnceAndCopyNothingOfTheRecord() {
        ProcessInstance instance = atIntake(CounsellingService.ADULT_PSYCHOLOGY);
        int outboxBefore = outboxBodies().size();
        identityService.setAuthentication(OFFICER, List.of("izgim-officers"));
        Task intake = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.complete(intake.getId(), Map.of(Vars.INTAKE_DECISION, Decisions.VIOLENCE_LINE, Vars.WOMAN_CONSENT, true,
            Vars.URGENT_RISK, true));
        identityService.clearAuthentication();

        // the guidance task is there in the same transaction, for the officer who decided
        assertThat(instance).isWaitingAt(Elements.EMERGENCY_GUIDANCE, Elements.WARM_REFERRAL);
        assertThat(instance).task(Elements.EMERGENCY_GUIDANCE).isAssignedTo(OFFICER);
        runJobs(instance);
        assertThat(calendar.referrals).singleElement().satisfies(referral -> {
            assertThat(referral.urgent()).isTrue();
            assertThat(referral.referringUserId()).isEqualTo(OFFICER);
            assertThat(referral.toString()).doesNotContain(instance.getBusinessKey()).doesNotContain("Kanarya")
                .doesNotContain(CounsellingTestData.PHONE);
        });
        // the line's operators got a call-back task in the line's own (confidential) process, with nothing of the record
        String lineKey = "SY-" + calendar.referrals.get(0).referralId();
        ProcessInstance line = runtimeService.createProcessInstanceQuery().processDefinitionKey("violence-line-referral")
            .processInstanceBusinessKey(lineKey).singleResult();
        assertThat(line).isNotNull();
        Task callBack = taskService.createTaskQuery().processInstanceId(line.getId()).singleResult();
        assertThat(callBack.getTaskDefinitionKey()).isEqualTo("Task_SafetyReferralCallBack");
        assertThat(callBack.getPriority()).isEqualTo(100);
        assertThat(taskService.createTaskQuery().taskId(callBack.getId()).taskCandidateGroup("violence-line-operators").count())
            .isEqualTo(1);
        assertThat(runtimeService.getVariables(line.getId()).toString()).doesNotContain(instance.getBusinessKey())
            .doesNotContain("Kanarya").doesNotContain(CounsellingTestData.PHONE).contains(OFFICER);
        // a repeated publication (a retried job) opens no second call-back
        events.publishEvent(calendar.referrals.get(0));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lineKey).count()).isEqualTo(1);
        taskService.complete(callBack.getId(), Map.of("callBackDone", true));
        assertThat(line).isEnded();

        complete(Elements.EMERGENCY_GUIDANCE, instance, Map.of(Vars.GUIDANCE_GIVEN, true));
        assertThat(instance).hasPassed(Elements.END_REFERRED_TO_VIOLENCE_LINE).isEnded();
        assertThat(outboxBodies()).as("no notice to her phone about a violence referral").hasSize(outboxBefore);
    }

    @Test
    void shouldHandANonUrgentCaseToTheViolenceLineWithoutTheGuidanceTask() {
        ProcessInstance instance = atIntake(CounsellingService.ADULT_PSYCHOLOGY);
        complete(Elements.INTAKE, instance, Map.of(Vars.INTAKE_DECISION, Decisions.VIOLENCE_LINE, Vars.WOMAN_CONSENT, true));
        runJobs(instance);
        assertThat(instance).hasNotPassed(Elements.EMERGENCY_GUIDANCE).hasPassed(Elements.WARM_REFERRAL,
            Elements.END_REFERRED_TO_VIOLENCE_LINE).isEnded();
        assertThat(calendar.referrals).singleElement().satisfies(referral -> assertThat(referral.urgent()).isFalse());
    }

    @Test
    void shouldRefuseTheViolenceLineWithoutHerConsentAndAProfessionalOfAnotherService() {
        ProcessInstance instance = atIntake(CounsellingService.ADULT_PSYCHOLOGY);
        Task intake = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> taskService.complete(intake.getId(), Map.of(Vars.INTAKE_DECISION, Decisions.VIOLENCE_LINE,
            Vars.WOMAN_CONSENT, false))).hasMessageContaining(Vars.WOMAN_CONSENT);
        assertThatThrownBy(() -> taskService.complete(intake.getId(), Map.of(Vars.INTAKE_DECISION, Decisions.ASSIGN,
            Vars.PROFESSIONAL_ID, DIETITIAN))).hasMessageContaining("uzmanı değil");
        assertThat(instance).isWaitingAt(Elements.INTAKE);
        assertThat(calendar.referrals).isEmpty();
    }

    @Test
    void shouldRefuseAChildRequestWithoutTheGuardiansConsentAndKeepTheChildsAgeOutOfTheEngine() {
        Map<String, Object> request = CounsellingTestData.request(CounsellingService.CHILD_PSYCHOLOGY);
        request.put(Vars.GUARDIAN_CONSENT, false);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CounsellingProcess.KEY, request))
            .isInstanceOf(ValidationFailedException.class);

        ProcessInstance instance = start(CounsellingService.CHILD_PSYCHOLOGY);
        CounsellingCase child = cases.findByTrackingCode(instance.getBusinessKey()).orElseThrow();
        assertThat(child.getChildAge()).isEqualTo("9");
        assertThat(child.isChildRecord()).isTrue();
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(Vars.CHILD_AGE, Vars.GUARDIAN_CONSENT);
        assertThat(runtimeService.getVariable(instance.getId(), Vars.PROFESSIONAL_OPTIONS).toString())
            .as("only child psychologists are offered").doesNotContain(PSYCHOLOGIST);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** An adult psychology case, assigned and booked, with one note of its psychologist. */
    private ProcessInstance bookedWithANote() {
        ProcessInstance instance = assignedAndBooked(CounsellingService.ADULT_PSYCHOLOGY, PSYCHOLOGIST);
        counsellingCases.addNote(instance.getBusinessKey(), psychologist(), 1L, CounsellingTestData.NOTE_CANARY, "127.0.0.1");
        return instance;
    }

    private static CounsellingAccess.Caller psychologist() {
        return new CounsellingAccess.Caller(PSYCHOLOGIST, java.util.Set.of(IzgimGroups.PSYCHOLOGISTS.id()));
    }

    private ProcessInstance assignedAndBooked(CounsellingService service, String professional) {
        ProcessInstance instance = assigned(service, professional);
        complete(Elements.PLAN_SERIES, instance, Map.of(Vars.SESSION_COUNT, 2));
        runJobs(instance);
        assertThat(instance).isWaitingAt(Elements.GATEWAY_SERIES_RUNNING);
        return instance;
    }

    private ProcessInstance assigned(CounsellingService service, String professional) {
        ProcessInstance instance = atIntake(service);
        complete(Elements.INTAKE, instance, Map.of(Vars.INTAKE_DECISION, Decisions.ASSIGN, Vars.PROFESSIONAL_ID, professional));
        runJobs(instance);
        assertThat(instance).isWaitingAt(Elements.PLAN_SERIES);
        return instance;
    }

    private ProcessInstance atIntake(CounsellingService service) {
        ProcessInstance instance = start(service);
        runJobs(instance);
        assertThat(instance).isWaitingAt(Elements.INTAKE);
        return instance;
    }

    private ProcessInstance start(CounsellingService service) {
        return runtimeService.startProcessInstanceByKey(CounsellingProcess.KEY, CounsellingTestData.request(service));
    }

    private void complete(String taskKey, ProcessInstance instance, Map<String, Object> variables) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
        assertThat(tasks).as(taskKey).hasSize(1);
        taskService.complete(tasks.get(0).getId(), variables);
    }

    /** Runs the case's due jobs (not its timers) until none is left. */
    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list().stream()
                .filter(job -> job.getDuedate() == null || !job.getDuedate().after(new Date(ClockUtil.getCurrentTime().getTime())))
                .filter(job -> managementService.createJobQuery().jobId(job.getId()).timers().count() == 0)
                .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<String> outboxBodies() {
        return jdbc.queryForList("select body from notification_outbox", String.class);
    }
}
