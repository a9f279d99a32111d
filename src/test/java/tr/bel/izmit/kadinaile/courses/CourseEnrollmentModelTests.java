package tr.bel.izmit.kadinaile.courses;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.community.mockito.CamundaMockito.registerJavaDelegateMock;
import static org.camunda.community.mockito.CamundaMockito.registerTaskListenerMock;
import static org.camunda.community.mockito.CamundaMockito.verifyExecutionListenerMock;
import static org.camunda.community.mockito.CamundaMockito.verifyJavaDelegateMock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import tr.bel.izmit.kadinaile.courses.CourseProcess.Elements;
import tr.bel.izmit.kadinaile.support.ModelTestEngine;

/**
 * Fast tier: the model {@code course-enrollment} alone (BPMN, its DMN and forms) on a plain in-memory engine, every
 * delegate, listener and bean mocked. Seats under a row lock, the real guard and listeners, and the application's engine
 * plugins are covered by {@link CourseEnrollmentProcessTests} (full application).
 */
@ExtendWith(ModelTestEngine.class)
@Deployment(resources = {"bpmn/course-enrollment.bpmn", "bpmn/course-eligibility.dmn", "forms/course-enrollment-start.form",
    "forms/course-enrollment-pre-interview.form", "forms/course-enrollment-record-attendance.form"})
class CourseEnrollmentModelTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ModelTestEngine.extension();

    private static final long APPLICATION = 17L;

    CourseApplications applications;
    CourseSeats seats;

    @BeforeEach
    void mockTheApplication() {
        ModelTestEngine.mockDelegates("bpmn/course-enrollment.bpmn", "formValidation");
        applications = ModelTestEngine.mockBean("courseApplications", CourseApplications.class);
        seats = ModelTestEngine.mockBean("courseSeats", CourseSeats.class);
        placement("ENROLLED");
    }

    @Test
    void shouldHandTheDecisionsVerdictToTheGuardForAnApplicantUnderTheMinimumAge() {
        ProcessInstance instance = start(false, 16);

        assertThat(instance).hasPassed(Elements.START).variables().containsEntry("eligible", false)
            .containsEntry("reasonCode", "UNDER_MINIMUM_AGE");
        DelegateExecution atTheGuard = verifyExecutionListenerMock("courseEligibilityGuard").executed().getValue();
        Assertions.assertThat(atTheGuard.getVariable("eligible")).isEqualTo(false);
    }

    @Test
    void shouldEnrolWithoutInterviewAndCertifyAfterSufficientAttendance() {
        ProcessInstance instance = start(false, 30);

        assertThat(instance).hasPassed(Elements.RESERVE_SEAT, Elements.NOTIFY_ENROLLED).isWaitingAt(Elements.COURSE_STARTS);
        execute(job(Elements.COURSE_STARTS, instance));
        execute(job(Elements.COURSE_ENDED, instance));
        assertThat(instance).isWaitingAt(Elements.RECORD_ATTENDANCE);
        assertThat(task(instance)).hasCandidateGroup("instructors");

        registerTaskListenerMock("courseAttendance").onExecutionSetVariable("attendanceSufficient", true);
        complete(task(instance), withVariables("absentHours", 4));
        assertThat(instance).isWaitingAt(Elements.ISSUE_CERTIFICATE);
        execute(job(instance));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_CERTIFICATE, Elements.END_CERTIFIED);
        verifyJavaDelegateMock("courseCertificateIssuer").executed(times(1));
    }

    @Test
    void shouldEndDroppedOutWithoutCertificate() {
        ProcessInstance instance = start(false, 30);
        execute(job(Elements.COURSE_STARTS, instance));
        execute(job(Elements.COURSE_ENDED, instance));

        registerTaskListenerMock("courseAttendance").onExecutionSetVariable("attendanceSufficient", false);
        complete(task(instance), withVariables("absentHours", 40));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_NO_CERTIFICATE, Elements.END_DROPPED_OUT)
            .hasNotPassed(Elements.ISSUE_CERTIFICATE);
        verify(applications).finish(APPLICATION, "DROPPED_OUT");
    }

    @Test
    void shouldInterviewFirstWhenTheCourseRequiresItAndEndOnARejection() {
        ProcessInstance instance = start(true, 30);

        assertThat(instance).isWaitingAt(Elements.PRE_INTERVIEW);
        assertThat(task(instance)).hasCandidateGroup("course-coordinators");
        verify(applications).toInterview(APPLICATION);
        complete(task(instance), withVariables("interviewDecision", "REJECT"));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_INTERVIEW_REJECTED, Elements.END_INTERVIEW_REJECTED)
            .hasNotPassed(Elements.RESERVE_SEAT);
        verify(applications).finish(APPLICATION, "INTERVIEW_REJECTED");
    }

    @Test
    void shouldWaitlistAFullCourseAndPlaceTheApplicantWhenASeatIsReleased() {
        placement("WAITLISTED");
        ProcessInstance instance = start(false, 30);
        assertThat(instance).hasPassed(Elements.NOTIFY_WAITLISTED).isWaitingAt(Elements.GATEWAY_WAIT_FOR_SEAT);

        runtimeService().createMessageCorrelation(CourseProcess.Messages.SEAT_RELEASED).processInstanceId(instance.getId())
            .correlate();

        assertThat(instance).hasPassed(Elements.SEAT_RELEASED, Elements.NOTIFY_PLACED).isWaitingAt(Elements.COURSE_STARTS);
    }

    @Test
    void shouldTellAWaitlistedApplicantOnTheFirstCourseDayThatSheWasNotPlaced() {
        placement("WAITLISTED");
        ProcessInstance instance = start(false, 30);

        execute(job(Elements.COURSE_STARTED, instance));

        assertThat(instance).isEnded().hasPassed(Elements.NOTIFY_NOT_PLACED, Elements.END_NOT_PLACED);
        verify(seats).notPlaced(APPLICATION);
    }

    @Test
    void shouldReleaseTheSeatWhenTheApplicantWithdraws() {
        ProcessInstance instance = start(false, 30);

        runtimeService().createMessageCorrelation(CourseProcess.Messages.WITHDRAWN_BY_APPLICANT).processInstanceId(instance.getId())
            .correlate();

        assertThat(instance).isEnded().hasPassed(Elements.RELEASE_SEAT, Elements.NOTIFY_WITHDRAWN, Elements.END_WITHDRAWN);
        verify(applications).assertWithdrawable(APPLICATION);
        verifyJavaDelegateMock("courseSeatRelease").executed(times(1));
    }

    // ---------------------------------------------------------------- helpers

    private void placement(String placement) {
        registerJavaDelegateMock("courseSeatReservation").onExecutionSetVariables(Map.of("placement", placement,
            "waitlistPosition", "WAITLISTED".equals(placement) ? 1L : 0L));
    }

    /** Starts the case as the intake listener leaves it: our id, the course's dates and the facts the decision needs. */
    private ProcessInstance start(boolean interviewRequired, int applicantAge) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationId", APPLICATION);
        variables.put("trackingCode", "KR-TEST-0017");
        variables.put("interviewRequired", interviewRequired);
        variables.put("courseStartsAt", inDays(30));
        variables.put("courseEndsAt", inDays(86));
        variables.put("applicantAge", applicantAge);
        variables.put("minimumAge", 18);
        variables.put("activeApplicationForCourse", false);
        variables.put("timeOverlap", false);
        variables.put("concurrentCourses", 0);
        variables.put("droppedOutLastTerm", false);
        return runtimeService().startProcessInstanceByKey(CourseProcess.KEY, "KR-TEST-0017", variables);
    }

    private static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }
}
