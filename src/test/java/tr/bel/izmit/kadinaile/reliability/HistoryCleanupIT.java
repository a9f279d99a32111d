package tr.bel.izmit.kadinaile.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.courses.CourseRepository;
import tr.bel.izmit.kadinaile.courses.CourseCentreRepository;
import tr.bel.izmit.kadinaile.courses.CourseTestData;
import tr.bel.izmit.kadinaile.courses.InstructorRepository;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.microcredit.MicrocreditTestData;
import tr.bel.izmit.kadinaile.producers.ProducerFixtures;
import tr.bel.izmit.kadinaile.producers.ProducerTestData;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;
import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineTestData;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;

/**
 * The nightly history cleanup, on PostgreSQL, inside its window (01:00–05:00), more than ten years after instances of
 * every process were started: the finished ones are past their time to live (3,650 days microcredit, courses and
 * producers; 1,095 stands; 30 the violence line) and must be gone from every history table, the running ones (started
 * as long ago, so past start + time to live) must keep every row, and staff completing tasks of running instances
 * through the engine REST API at the same time (HTTP Basic, as in Tasklist) must not fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.demo.enabled=false")
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class HistoryCleanupIT {

    static final int PER_PROCESS = 3;
    /** Running microcredit applications whose document check is completed while the cleanup runs. */
    static final int COMPLETIONS = 24;
    static final String PASSWORD = "history-Cleanup-1";
    static final String OFFICER = "hc.officer";
    static final String OPERATOR = "hc.operator";
    /** The history tables an instance writes, with the column naming its process instance. */
    static final List<String> HISTORY_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
        "act_hi_op_log", "act_hi_decinst", "act_hi_job_log", "act_hi_incident", "act_hi_comment");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    CourseCentreRepository centres;
    @Autowired
    InstructorRepository instructors;
    @Autowired
    CourseRepository courses;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void shouldEraseFinishedInstancesPastTheirTimeToLiveAndNoRowOfRunningOnesWhileTasksAreCompleted() throws Exception {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
        if (identityService.createUserQuery().userId(OFFICER).count() == 0) {
            TestUsers.create(identityService, OFFICER, PASSWORD, StaffGroup.IZGIM_OFFICERS.id());
            TestUsers.create(identityService, OPERATOR, PASSWORD, VIOLENCE_LINE_OPERATORS.id());
        }
        CourseTestData courseData = new CourseTestData(centres, instructors, courses);
        String courseCode = courseData.course(200, true, 16, LocalDate.now().plusDays(30),
            java.util.EnumSet.of(java.time.DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(12, 0), "2026-2").getCode();
        Map<String, Supplier<ProcessInstance>> starters = new LinkedHashMap<>();
        starters.put("microcredit-application", () -> runtimeService.startProcessInstanceByKey("microcredit-application",
            MicrocreditTestData.startForm(2500)));
        starters.put("violence-line-referral", () -> {
            identityService.setAuthentication(OPERATOR, List.of(VIOLENCE_LINE_OPERATORS.id()));
            try {
                return runtimeService.startProcessInstanceByKey("violence-line-referral", ViolenceLineTestData.intake());
            } finally {
                identityService.clearAuthentication();
            }
        });
        starters.put("course-enrollment", () -> runtimeService.startProcessInstanceByKey("course-enrollment",
            CourseTestData.startForm(courseCode)));
        starters.put("producer-onboarding", () -> runtimeService.startProcessInstanceByKey("producer-onboarding",
            ProducerTestData.person()));
        starters.put("market-stand-request", () -> {
            Map<String, Object> producer = ProducerTestData.person();
            String code = ProducerFixtures.verifiedProducer(runtimeService, taskService, identityService, producer);
            return runtimeService.startProcessInstanceByKey(MarketStandProcess.KEY, new HashMap<>(Map.of(
                MarketStandProcess.Vars.PRODUCER_CODE, code,
                MarketStandProcess.Vars.VERIFICATION_CODE, ProducerTestData.lastFourOfPhone(producer),
                MarketStandProcess.Vars.LOCATION, "CUMHURIYET_PARKI",
                MarketStandProcess.Vars.STAND_DATE, LocalDate.now().plusDays(20).toString())));
        });

        List<String> running = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        for (Map.Entry<String, Supplier<ProcessInstance>> starter : starters.entrySet()) {
            for (int i = 0; i < 2 * PER_PROCESS; i++) {
                ProcessInstance instance = starter.getValue().get();
                assertThat(isRunning(instance.getId())).as("%s waits for staff or a timer", starter.getKey()).isTrue();
                if (i % 2 == 0) {
                    running.add(instance.getId());
                } else {
                    // ended today: the time to live counts from here
                    runtimeService.deleteProcessInstance(instance.getId(), "test: closed");
                    finished.add(instance.getId());
                }
            }
        }
        List<String> toComplete = new ArrayList<>();
        for (int i = 0; i < COMPLETIONS; i++) {
            ProcessInstance instance = starters.get("microcredit-application").get();
            running.add(instance.getId());
            toComplete.add(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
        }
        Map<String, Map<String, Long>> before = rows(running);
        assertThat(rows(finished).values()).allSatisfy(counts -> assertThat(counts.get("act_hi_procinst")).isEqualTo(1));

        // more than ten years later, at 02:00: inside the cleanup window, past every time to live counted from the
        // start of the running instances and from the end of the finished ones
        LocalDate later = LocalDate.now().plusDays(3700);
        ClockUtil.setCurrentTime(Date.from(later.atTime(2, 0).atZone(ZoneId.systemDefault()).toInstant()));

        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicBoolean cleaning = new AtomicBoolean(true);
        ExecutorService staff = Executors.newFixedThreadPool(4);
        List<Future<?>> completions = new ArrayList<>();
        for (String taskId : toComplete) {
            completions.add(staff.submit(() -> {
                ResponseEntity<String> answer = http.exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                    json(Map.of("variables", Map.of("documentsDecision", Map.of("value", "COMPLETE")))), String.class);
                if (answer.getStatusCode().value() != 204) {
                    failures.put(taskId + " " + answer.getStatusCode() + " " + answer.getBody(), 1);
                }
            }));
        }
        // the cleanup as the job executor runs it: its jobs (degree of parallelism 2), each in its own thread, again
        // and again while they find something to delete
        historyService.cleanUpHistoryAsync(false);
        List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
        assertThat(cleanupJobs).isNotEmpty();
        ExecutorService cleaners = Executors.newFixedThreadPool(cleanupJobs.size());
        List<Future<?>> cleanups = new ArrayList<>();
        for (Job job : cleanupJobs) {
            cleanups.add(cleaners.submit(() -> {
                for (int round = 0; round < 20 && cleaning.get(); round++) {
                    managementService.executeJob(job.getId());
                }
                return null;
            }));
        }
        for (Future<?> completion : completions) {
            completion.get();
        }
        cleaning.set(false);
        for (Future<?> cleanup : cleanups) {
            cleanup.get();
        }
        staff.shutdown();
        cleaners.shutdown();
        // a last pass after the completions, as the next run of the nightly job would
        for (Job job : historyService.findHistoryCleanupJobs()) {
            managementService.executeJob(job.getId());
        }

        Map<String, Map<String, Long>> after = rows(running);
        List<String> lost = new ArrayList<>();
        before.forEach((instance, counts) -> counts.forEach((table, count) -> {
            long now = after.get(instance).get(table);
            if (now < count) {
                lost.add(instance + " " + table + ": " + count + " -> " + now);
            }
        }));
        Map<String, Map<String, Long>> leftOfFinished = rows(finished);
        List<String> notErased = leftOfFinished.entrySet().stream()
            .filter(e -> e.getValue().values().stream().anyMatch(n -> n > 0))
            .map(e -> e.getKey() + " " + e.getValue()).toList();
        System.out.println("---- history cleanup: running " + running.size() + ", finished " + finished.size()
            + ", completions " + toComplete.size() + ", failed " + failures.size() + ", rows lost " + lost.size()
            + ", finished not erased " + notErased.size());

        assertThat(failures.keySet()).as("task completions while the cleanup ran").isEmpty();
        assertThat(lost).as("history rows of running instances erased").isEmpty();
        assertThat(after.values()).as("every running instance keeps its process history")
            .allSatisfy(counts -> assertThat(counts.get("act_hi_procinst")).isEqualTo(1));
        assertThat(toComplete).allSatisfy(taskId -> assertThat(historyService.createHistoricTaskInstanceQuery()
            .taskId(taskId).finished().count()).isEqualTo(1));
        assertThat(notErased).as("finished instances past their time to live, still in history").isEmpty();
    }

    private boolean isRunning(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
    }

    /** Rows per history table of each instance. */
    private Map<String, Map<String, Long>> rows(List<String> instances) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (String instance : instances) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : HISTORY_TABLES) {
                String column = "act_hi_job_log".equals(table) ? "process_instance_id_" : "proc_inst_id_";
                counts.put(table, jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class, instance));
            }
            rows.put(instance, counts);
        }
        return rows;
    }

    private HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
            .encodeToString((OFFICER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return new HttpEntity<>(body, headers);
    }
}
