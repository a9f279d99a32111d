package tr.bel.izmit.kadinaile.courses;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.courses.CourseProcess.Vars;

/**
 * Every path of {@code course-enrollment} on the real engine, with the real delegates, listeners, forms and DMN;
 * timers are moved on by executing their jobs, the engine clock set where the date matters.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CourseEnrollmentProcessTests {

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
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;
    @Autowired
    CourseApplicationRepository applications;
    @Autowired
    CertificateRepository certificates;
    @Autowired
    CourseCertificates courseCertificates;
    @Autowired
    CourseCaseActions caseActions;
    @Autowired
    CourseCatalog catalog;
    @Autowired
    JdbcTemplate jdbc;

    CourseTestData data;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        data = new CourseTestData(centres, instructors, courses);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- a seat, then attendance and the certificate

    @Test
    void shouldEnrollAndIssueACertificateWhenAbsenceIsExactlyAFifth() {
        Course course = data.course(20);
        ProcessInstance instance = start(course);

        assertThat(instance).hasPassed(Elements.RESERVE_SEAT, Elements.NOTIFY_ENROLLED).isWaitingAt(Elements.COURSE_STARTS);
        CourseApplication application = application(instance);
        Assertions.assertThat(application.getStatus()).isEqualTo(EnrollmentStatus.ENROLLED);
        Assertions.assertThat(courses.findById(course.getId()).orElseThrow().getSeatsTaken()).isEqualTo(1);
        Assertions.assertThat(instance.getBusinessKey()).matches("KR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        // personal data left the process and never reached its history
        Assertions.assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(
            Vars.FULL_NAME, Vars.TC_KIMLIK_NO, Vars.BIRTH_DATE, Vars.PHONE);
        Assertions.assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableNameIn(Vars.FULL_NAME, Vars.TC_KIMLIK_NO, Vars.BIRTH_DATE, Vars.PHONE).count()).isZero();
        Assertions.assertThat(timerDue(instance)).isEqualTo(Date.from(course.getStartsOn().atTime(8, 0)
            .atZone(ZoneId.of("Europe/Istanbul")).toInstant()));
        execute(jobOf(instance));
        assertThat(instance).isWaitingAt(Elements.COURSE_ENDED);
        Assertions.assertThat(timerDue(instance)).isEqualTo(Date.from(course.getEndsOn().atTime(18, 0)
            .atZone(ZoneId.of("Europe/Istanbul")).toInstant()));

        execute(jobOf(instance));
        assertThat(instance).isWaitingAt(Elements.RECORD_ATTENDANCE);
        Task task = taskOf(instance);
        assertThat(task).hasCandidateGroup("instructors");
        Assertions.assertThat(task.getName()).isEqualTo("Devam durumunu kaydet (" + instance.getBusinessKey() + ")");
        int total = course.totalHours();
        Assertions.assertThat(total).isEqualTo(48);
        taskService.complete(task.getId(), withVariables(Vars.ABSENT_HOURS, (long) total / 5));

        assertThat(instance).isWaitingAt(Elements.ISSUE_CERTIFICATE);
        execute(jobOf(instance));
        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_CERTIFICATE, Elements.END_CERTIFIED);
        Certificate certificate = certificates.findByApplicationId(application.getId()).orElseThrow();
        Assertions.assertThat(certificate.getNumber()).matches("SR-[0-9A-Z]{4}-[0-9A-Z]{4}");
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(EnrollmentStatus.COMPLETED);
        Assertions.assertThat(application(instance).getAbsentHours()).isEqualTo(9);
        CourseCertificates.Verification verification = courseCertificates.verify(certificate.getNumber().toLowerCase()).orElseThrow();
        Assertions.assertThat(verification.holderInitials()).isEqualTo("A. N. Y.");
        Assertions.assertThat(verification.courseTitle()).isEqualTo("Dikiş Nakış");
        Assertions.assertThat(templatesSentTo(application)).containsExactly("RECEIVED", "ENROLLED", "CERTIFICATE");
    }

    @Test
    void shouldNotIssueACertificateWhenAbsenceIsAboveAFifth() {
        Course course = data.course(20);
        ProcessInstance instance = start(course);
        passCourse(instance);
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.ABSENT_HOURS, 10L));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_NO_CERTIFICATE, Elements.END_DROPPED_OUT)
            .hasNotPassed(Elements.ISSUE_CERTIFICATE);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(EnrollmentStatus.DROPPED_OUT);
        Assertions.assertThat(certificates.findByApplicationId(application(instance).getId())).isEmpty();
        Assertions.assertThat(templatesSentTo(application(instance))).containsExactly("RECEIVED", "ENROLLED", "NO_CERTIFICATE");
    }

    @Test
    void shouldRefuseMoreAbsentHoursThanTheCourseHas() {
        ProcessInstance instance = start(data.course(20));
        passCourse(instance);
        String taskId = taskOf(instance).getId();

        // task listeners' errors reach the caller wrapped by the engine, with the field and message intact
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables(Vars.ABSENT_HOURS, 49L)))
            .isInstanceOf(ProcessEngineException.class)
            .hasMessageContaining("absentHours: Devamsızlık saati 0 ile kursun toplam 48 saati arasında olmalıdır.");
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables(Vars.ABSENT_HOURS, -1L)))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("absentHours: ");
        assertThat(instance).isWaitingAt(Elements.RECORD_ATTENDANCE);
    }

    @Test
    void shouldIssueOneCertificateEvenWhenAskedTwice() {
        ProcessInstance instance = start(data.course(20));
        Long applicationId = application(instance).getId();
        Certificate first = courseCertificates.issue(applicationId);
        Certificate second = courseCertificates.issue(applicationId);
        Assertions.assertThat(second.getNumber()).isEqualTo(first.getNumber());
        Assertions.assertThat(courseCertificates.verify("SR-0000-0000")).isEmpty();
        Assertions.assertThat(courseCertificates.verify("not a number")).isEmpty();
    }

    // ---------------------------------------------------------------- full course: waitlist, SeatReleased, not placed

    @Test
    void shouldWaitlistWhenFullAndGiveTheReleasedSeatToTheFirstInLine() {
        Course course = data.course(1);
        ProcessInstance holder = start(course);
        ProcessInstance first = start(course);
        ProcessInstance second = start(course);

        assertThat(first).hasPassed(Elements.NOTIFY_WAITLISTED).isWaitingAt(Elements.GATEWAY_WAIT_FOR_SEAT);
        Assertions.assertThat(runtimeService.getVariable(first.getId(), Vars.WAITLIST_POSITION)).isEqualTo(1L);
        Assertions.assertThat(runtimeService.getVariable(second.getId(), Vars.WAITLIST_POSITION)).isEqualTo(2L);
        Assertions.assertThat(application(first).getStatus()).isEqualTo(EnrollmentStatus.WAITLISTED);

        Assertions.assertThat(caseActions.withdrawByApplicant(holder.getBusinessKey())).isTrue();

        assertThat(holder).isEnded().hasPassed(Elements.RELEASE_SEAT, Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN);
        Assertions.assertThat(application(holder).getStatus()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertThat(first).hasPassed(Elements.SEAT_RELEASED, Elements.NOTIFY_PLACED)
            .isWaitingAt(Elements.COURSE_STARTS);
        Assertions.assertThat(application(first).getStatus()).isEqualTo(EnrollmentStatus.ENROLLED);
        Assertions.assertThat(templatesSentTo(application(first))).containsExactly("RECEIVED", "WAITLISTED", "PLACED_FROM_WAITLIST");
        Assertions.assertThat(courses.findById(course.getId()).orElseThrow().getSeatsTaken()).isEqualTo(1);
        // the one behind moves up
        CourseApplication stillWaiting = application(second);
        Assertions.assertThat(stillWaiting.getStatus()).isEqualTo(EnrollmentStatus.WAITLISTED);
        Assertions.assertThat(applications.positionInLine(course.getId(), stillWaiting.getWaitlistTier(), stillWaiting.getWaitlistSeq()))
            .isEqualTo(1);
    }

    @Test
    void shouldTellThoseStillWaitingAtTheCourseStartThatTheyWereNotPlaced() {
        Course course = data.course(1);
        start(course);
        ProcessInstance waiting = start(course);
        Job timer = managementService.createJobQuery().processInstanceId(waiting.getId()).timers().singleResult();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(course.getStartsOn().atTime(8, 0)
            .atZone(ZoneId.of("Europe/Istanbul")).toInstant()));

        execute(timer);

        assertThat(waiting).isEnded().hasPassed(Elements.COURSE_STARTED, Elements.NOTIFY_NOT_PLACED, Elements.END_NOT_PLACED)
            .hasNotPassed(Elements.SEAT_RELEASED);
        Assertions.assertThat(application(waiting).getStatus()).isEqualTo(EnrollmentStatus.NOT_PLACED);
        Assertions.assertThat(application(waiting).getWaitlistSeq()).isNull();
        Assertions.assertThat(templatesSentTo(application(waiting))).containsExactly("RECEIVED", "WAITLISTED", "NOT_PLACED");
    }

    @Test
    void shouldLetAWaitingApplicantWithdrawAndLeaveTheLine() {
        Course course = data.course(1);
        ProcessInstance holder = start(course);
        ProcessInstance waiting = start(course);

        Assertions.assertThat(caseActions.withdrawByApplicant(waiting.getBusinessKey())).isTrue();

        assertThat(waiting).isEnded().hasPassed(Elements.END_WITHDRAWN);
        Assertions.assertThat(applications.waitlistOf(course.getId())).isEmpty();
        Assertions.assertThat(courses.findById(course.getId()).orElseThrow().getSeatsTaken()).isEqualTo(1);
        assertThat(holder).isWaitingAt(Elements.COURSE_STARTS);
    }

    @Test
    void shouldGiveNewSeatsToTheFirstInLineWhenTheCoordinatorRaisesTheCapacity() {
        Course course = data.course(1);
        start(course);
        ProcessInstance first = start(course);
        ProcessInstance second = start(course);

        catalog.update(course.getCode(), new CourseCatalog.CourseRequest(null, course.getTitle(), course.getCentre().getCode(),
            course.getInstructor().getId(), course.getTerm(), 2, course.getStartsOn().toString(), course.getEndsOn().toString(),
            course.getWeeklyHours(), List.of("MONDAY", "WEDNESDAY"), "09:00", "12:00", 16, false, true));

        assertThat(first).hasPassed(Elements.SEAT_RELEASED).isWaitingAt(Elements.COURSE_STARTS);
        assertThat(second).isWaitingAt(Elements.GATEWAY_WAIT_FOR_SEAT);
        Assertions.assertThat(courses.findById(course.getId()).orElseThrow().getSeatsTaken()).isEqualTo(2);
    }

    @Test
    void shouldPutSomeoneWhoDroppedOutLastTermBehindEveryRegularApplicant() {
        String dropout = CourseTestData.newTcKimlikNo();
        Course lastTerm = data.course(5, false, 16, LocalDate.now().plusDays(5), EnumSet.of(DayOfWeek.SATURDAY),
            LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-1");
        ProcessInstance old = start(lastTerm, dropout, "1990-01-01");
        passCourse(old);
        taskService.complete(taskOf(old).getId(), withVariables(Vars.ABSENT_HOURS, 20L));
        Assertions.assertThat(application(old).getStatus()).isEqualTo(EnrollmentStatus.DROPPED_OUT);

        Course course = data.course(1);
        start(course);
        ProcessInstance late = start(course, dropout, "1990-01-01");
        ProcessInstance regular = start(course);

        Assertions.assertThat(application(late).getWaitlistTier()).isEqualTo(CourseApplication.TIER_LAST);
        Assertions.assertThat(applications.waitlistOf(course.getId())).extracting(CourseApplication::getTrackingCode)
            .containsExactly(regular.getBusinessKey(), late.getBusinessKey());
        Assertions.assertThat(runtimeService.getVariable(late.getId(), Vars.WAITLIST_POSITION)).isEqualTo(1L);
        Assertions.assertThat(runtimeService.getVariable(regular.getId(), Vars.WAITLIST_POSITION)).isEqualTo(1L);
    }

    // ---------------------------------------------------------------- pre-interview

    @Test
    void shouldReserveASeatAfterAnAcceptedInterview() {
        Course course = interviewCourse();
        ProcessInstance instance = start(course);

        assertThat(instance).isWaitingAt(Elements.PRE_INTERVIEW);
        assertThat(taskOf(instance)).hasCandidateGroup("course-coordinators");
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(EnrollmentStatus.INTERVIEW);
        Assertions.assertThat(courses.findById(course.getId()).orElseThrow().getSeatsTaken()).isZero();

        taskService.complete(taskOf(instance).getId(), withVariables(Vars.INTERVIEW_DECISION, "ACCEPT",
            Vars.INTERVIEW_NOTE, "Daha önce makine kullanmış."));

        assertThat(instance).hasPassed(Elements.RESERVE_SEAT).isWaitingAt(Elements.COURSE_STARTS);
        Assertions.assertThat(courses.findById(course.getId()).orElseThrow().getSeatsTaken()).isEqualTo(1);
    }

    @Test
    void shouldEndWithoutASeatAfterARejectedInterview() {
        ProcessInstance instance = start(interviewCourse());
        taskService.complete(taskOf(instance).getId(), withVariables(Vars.INTERVIEW_DECISION, "REJECT"));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_INTERVIEW_REJECTED, Elements.END_INTERVIEW_REJECTED)
            .hasNotPassed(Elements.RESERVE_SEAT);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(EnrollmentStatus.INTERVIEW_REJECTED);
    }

    @Test
    void shouldRequireAnInterviewDecision() {
        ProcessInstance instance = start(interviewCourse());
        String taskId = taskOf(instance).getId();
        assertThatThrownBy(() -> taskService.complete(taskId, withVariables(Vars.INTERVIEW_DECISION, "MAYBE")))
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("interviewDecision: Görüşme kararı için geçersiz seçim.");
        assertThat(instance).isWaitingAt(Elements.PRE_INTERVIEW);
    }

    @Test
    void shouldLetTheApplicantWithdrawWhileWaitingForTheInterview() {
        ProcessInstance instance = start(interviewCourse());
        Assertions.assertThat(caseActions.withdrawByApplicant(instance.getBusinessKey())).isTrue();
        assertThat(instance).isEnded().hasPassed(Elements.END_WITHDRAWN).hasNotPassed(Elements.RESERVE_SEAT);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(EnrollmentStatus.WITHDRAWN);
    }

    // ---------------------------------------------------------------- withdrawal after the start is refused

    @Test
    void shouldRefuseAWithdrawalOnceTheCourseHasStarted() {
        Course course = data.course(20);
        ProcessInstance instance = start(course);
        ClockUtil.setCurrentTime(Date.from(course.getStartsOn().atTime(10, 0).atZone(ZoneId.of("Europe/Istanbul")).toInstant()));

        Assertions.assertThat(caseActions.withdrawByApplicant(instance.getBusinessKey())).isFalse();
        Assertions.assertThat(caseActions.withdrawByApplicant("KR-0000-0000")).isFalse();
        Assertions.assertThat(caseActions.isWithdrawable(instance.getBusinessKey())).isFalse();
        // the process guards it too, whoever sends the message
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(CourseProcess.Messages.WITHDRAWN_BY_APPLICANT)
            .processInstanceBusinessKey(instance.getBusinessKey()).correlate())
            .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geri çekilemez");
        assertThat(instance).isWaitingAt(Elements.COURSE_STARTS);
        Assertions.assertThat(application(instance).getStatus()).isEqualTo(EnrollmentStatus.ENROLLED);
        // once the start timer has passed, the case no longer waits where a withdrawal is possible
        execute(jobOf(instance));
        assertThat(instance).isWaitingAt(Elements.COURSE_ENDED);
        Assertions.assertThat(caseActions.withdrawByApplicant(instance.getBusinessKey())).isFalse();
    }

    // ---------------------------------------------------------------- bad input: clear errors, nothing started

    @Test
    void shouldRefuseAnUnknownCourse() {
        assertRefused(CourseTestData.startForm("XYZ-9999"), Vars.COURSE_CODE, "bulunamadı");
    }

    @Test
    void shouldRefuseAClosedCourse() {
        assertRefused(CourseTestData.startForm(data.closedCourse().getCode()), Vars.COURSE_CODE, "başvuru alınmıyor");
        Course started = data.course(10, false, 16, LocalDate.now(), EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0),
            LocalTime.of(12, 0), "2026-2");
        assertRefused(CourseTestData.startForm(started.getCode()), Vars.COURSE_CODE, "başvuru alınmıyor");
    }

    @Test
    void shouldRefuseAnApplicantBelowTheMinimumAge() {
        Course course = data.course(10, false, 18, LocalDate.now().plusDays(30), EnumSet.of(DayOfWeek.TUESDAY),
            LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-2");
        String seventeen = course.getStartsOn().minusYears(18).plusDays(1).toString();
        assertRefused(CourseTestData.startForm(course.getCode(), CourseTestData.newTcKimlikNo(), seventeen), Vars.BIRTH_DATE,
            "en az 18 yaşında");
        // eighteen on the first day is old enough
        start(course, CourseTestData.newTcKimlikNo(), course.getStartsOn().minusYears(18).toString());
    }

    @Test
    void shouldRefuseASecondActiveApplicationForTheSameCourse() {
        Course course = data.course(10);
        String person = CourseTestData.newTcKimlikNo();
        start(course, person, "1990-01-01");
        assertRefused(CourseTestData.startForm(course.getCode(), person, "1990-01-01"), Vars.COURSE_CODE, "zaten");
    }

    @Test
    void shouldRefuseAThirdConcurrentCourseAndAnOverlappingOne() {
        String person = CourseTestData.newTcKimlikNo();
        LocalDate start = LocalDate.now().plusDays(30);
        Course monday = data.course(10, false, 16, start, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-2");
        Course tuesday = data.course(10, false, 16, start, EnumSet.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-2");
        Course mondayMorning = data.course(10, false, 16, start, EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(11, 0), LocalTime.of(13, 0), "2026-2");
        Course friday = data.course(10, false, 16, start, EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-2");

        start(monday, person, "1990-01-01");
        assertRefused(CourseTestData.startForm(mondayMorning.getCode(), person, "1990-01-01"), Vars.COURSE_CODE, "çakışıyor");
        start(tuesday, person, "1990-01-01");
        assertRefused(CourseTestData.startForm(friday.getCode(), person, "1990-01-01"), Vars.COURSE_CODE, "en fazla iki");
    }

    @Test
    void shouldRefuseAMalformedTcKimlikNoAndMissingFields() {
        Map<String, Object> values = CourseTestData.startForm(data.course(10).getCode(), "12345678901", "1990-01-01");
        values.remove(Vars.PHONE);
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CourseProcess.KEY, values))
            .isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder(Vars.TC_KIMLIK_NO, Vars.PHONE));
        assertNothingStarted();
    }

    // ---------------------------------------------------------------- helpers

    private Course interviewCourse() {
        return data.course(5, true, 16, LocalDate.now().plusDays(30), EnumSet.of(DayOfWeek.THURSDAY), LocalTime.of(9, 0),
            LocalTime.of(12, 0), "2026-2");
    }

    private void assertRefused(Map<String, Object> values, String field, String messagePart) {
        long before = applications.count();
        long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(CourseProcess.KEY, values))
            .isInstanceOf(ValidationFailedException.class)
            .satisfies(e -> Assertions.assertThat(((ValidationFailedException) e).getErrors())
                .singleElement()
                .satisfies(error -> {
                    Assertions.assertThat(error.field()).isEqualTo(field);
                    Assertions.assertThat(error.message()).contains(messagePart);
                }));
        Assertions.assertThat(applications.count()).isEqualTo(before);
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count())
            .isEqualTo(instances);
    }

    private void assertNothingStarted() {
        Assertions.assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count())
            .isEqualTo(runtimeService.createProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).count()
                + historyService.createHistoricProcessInstanceQuery().processDefinitionKey(CourseProcess.KEY).finished().count());
    }

    private ProcessInstance start(Course course) {
        return start(course, CourseTestData.newTcKimlikNo(), "1990-01-01");
    }

    private ProcessInstance start(Course course, String tcKimlikNo, String birthDate) {
        ProcessInstance started = runtimeService.startProcessInstanceByKey(CourseProcess.KEY,
            CourseTestData.startForm(course.getCode().toLowerCase(), tcKimlikNo, birthDate));
        return runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult() != null
            ? runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).singleResult()
            : started;
    }

    /** The course starts, then ends: both timers of an enrolled applicant. */
    private void passCourse(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(Elements.COURSE_STARTS);
        execute(jobOf(instance));
        assertThat(instance).isWaitingAt(Elements.COURSE_ENDED);
        execute(jobOf(instance));
    }

    private CourseApplication application(ProcessInstance instance) {
        return applications.findByTrackingCode(businessKey(instance)).orElseThrow();
    }

    private String businessKey(ProcessInstance instance) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey();
    }

    private Task taskOf(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job jobOf(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Date timerDue(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate();
    }

    private List<String> templatesSentTo(CourseApplication application) {
        return jdbc.queryForList("select dedup_key from notification_outbox where dedup_key like ? order by id", String.class,
            "course:" + application.getId() + ":%").stream()
            .map(key -> key.split(":")[2])
            .toList();
    }
}
