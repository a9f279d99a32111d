package tr.bel.izmit.kadinaile.izgim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
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
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Decisions;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Elements;
import tr.bel.izmit.kadinaile.izgim.CounsellingProcess.Vars;
import tr.bel.izmit.kadinaile.izgim.calendar.BookedSession;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.izgim.calendar.WaitingSeriesBooked;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * A case waits on its retry timer because the calendar was full; when the waiting line books her series
 * ({@link WaitingSeriesBooked}) her timer is made due at once, so that she takes the series over now, not the next day.
 * An event for a case that does not wait on the timer changes nothing. Same context as {@link CounsellingProcessTests}.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(FakeCalendar.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarEventsListenerTests {

    static final String PSYCHOLOGIST = "test.bekleyen.psikolog";
    static final String OFFICER = "test.bekleyen.memur";

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
    AuthorizationService authorizationService;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    FakeCalendar calendar;

    @BeforeAll
    void users() {
        TestUsers.create(identityService, PSYCHOLOGIST, "pw", IzgimGroups.PSYCHOLOGISTS.id());
        TestUsers.create(identityService, OFFICER, "pw", "izgim-officers");
    }

    @AfterAll
    void removeUsers() {
        for (String user : List.of(PSYCHOLOGIST, OFFICER)) {
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
        calendar.full = false;
        ClockUtil.reset();
    }

    @Test
    void shouldMakeTheRetryTimerDueAtOnceWhenTheWaitingLineBookedTheSeries() {
        ProcessInstance waiting = planned();
        calendar.full = true;
        runJobs(waiting);
        assertThat(waiting).isWaitingAt(Elements.RETRY_BOOKING);
        ProcessInstance other = planned();
        runJobs(other);
        assertThat(other).isWaitingAt(Elements.RETRY_BOOKING);
        Date now = ClockUtil.getCurrentTime();
        assertThat(timer(waiting).getDuedate()).as("a day later").isAfter(new Date(now.getTime() + 23 * 3600_000L));

        LocalDateTime start = LocalDateTime.of(2027, 3, 8, 9, 0);
        events.publishEvent(new WaitingSeriesBooked(waiting.getBusinessKey(), List.of(new BookedSession(1, start, start.plusMinutes(50),
            "DANISMA_1"))));

        assertThat(timer(waiting).getDuedate()).as("due now").isBeforeOrEqualTo(new Date(ClockUtil.getCurrentTime().getTime()));
        assertThat(timer(other).getDuedate()).as("another case's timer").isAfter(new Date(now.getTime() + 23 * 3600_000L));
        // the retry then books (here the fake calendar, free again) and the case waits for its series
        calendar.full = false;
        managementService.executeJob(timer(waiting).getId());
        runJobs(waiting);
        assertThat(waiting).isWaitingAt(Elements.GATEWAY_SERIES_RUNNING);

        // a case not on its timer, or no counselling case at all: nothing happens
        events.publishEvent(new WaitingSeriesBooked(waiting.getBusinessKey(), List.of()));
        events.publishEvent(new WaitingSeriesBooked("not-a-case", List.of()));
        assertThat(waiting).isWaitingAt(Elements.GATEWAY_SERIES_RUNNING);
    }

    private ProcessInstance planned() {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(CounsellingProcess.KEY,
            CounsellingTestData.request(CounsellingService.ADULT_PSYCHOLOGY));
        runJobs(instance);
        complete(Elements.INTAKE, instance, Map.of(Vars.INTAKE_DECISION, Decisions.ASSIGN, Vars.PROFESSIONAL_ID, PSYCHOLOGIST));
        runJobs(instance);
        complete(Elements.PLAN_SERIES, instance, Map.of(Vars.SESSION_COUNT, 2));
        return instance;
    }

    private Job timer(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
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
                .filter(job -> managementService.createJobQuery().jobId(job.getId()).timers().count() == 0)
                .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }
}
