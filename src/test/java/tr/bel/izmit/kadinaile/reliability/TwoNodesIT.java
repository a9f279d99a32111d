package tr.bel.izmit.kadinaile.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import tr.bel.izmit.kadinaile.common.web.EngineRestConflicts;
import tr.bel.izmit.kadinaile.reliability.AppNode.Reply;

/**
 * Camunda's own homogeneous cluster: two application nodes (separate JVMs) on one PostgreSQL, both with the
 * job executor on, coordinated only through the database; both nodes are started once for the class. First (issue 23)
 * the İZGİM session calendar: counselling series planned at once on both nodes for the same professionals and rooms
 * never book a professional or a room twice ({@link #shouldNeverDoubleBookAProfessionalOrARoomWhenSeriesArePlannedOnBothNodesAtOnce}).
 * Then 1,000 instances of a test process
 * ({@code reliability-cluster.bpmn}, deployed by the test) each run a timer job and an async continuation
 * that count themselves in {@code rel_job_count} inside the job's transaction: 2,000 jobs, each must run
 * exactly once, on one node or the other. A task completed on one node is gone on the other. Node A is killed
 * with SIGKILL in the middle of the batch; node B must finish A's locked jobs once their lock expires.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final int INSTANCES = 1000;
    static final int LOCK_TIME_MILLIS = 5_000;
    static final Path WORK = Path.of("target", "reliability", "cluster");
    static final String COUNTER_JOBS = "select count(*) from act_ru_job where process_def_key_ = 'reliability-cluster-counter'";
    static final String LOCKED_BY_A_WHERE = " where lock_owner_ = 'A' and lock_exp_time_ > now()";
    static final String LOCKED_BY_A = "select count(*) from act_ru_job" + LOCKED_BY_A_WHERE;

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static AppNode a;
    static AppNode b;
    static long started;
    final Map<String, Object> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startDatabaseAndNodes() throws IOException, InterruptedException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("A.log"));
        Files.deleteIfExists(WORK.resolve("B.log"));
        started = System.nanoTime();
        // one after the other: the first creates the schemas (then the counter table, which Flyway must not find first)
        a = node("A").start();
        b = createCounterTable(node("B")).start();
    }

    @AfterAll
    static void stopNodesAndDatabase() throws IOException, InterruptedException {
        try {
            for (AppNode node : new AppNode[] {b, a}) {
                if (node != null) {
                    node.close();
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------- İZGİM calendar

    static final String OFFICER = "tn.izgim.memur";
    static final String SUPERVISOR = "tn.supervizor";
    /** Works one hour a week (set by the supervisor through the staff API): her line fills up, some cases wait. */
    static final String SCARCE = "tn.psikolog3";

    /** The cases of one professional: how many, of which service, how many sessions each. */
    record Caseload(String professional, String group, String service, int cases, int sessions) {
    }

    /** Four professionals in the three counselling rooms; one of them with a single hour a week. */
    static final List<Caseload> CASELOADS = List.of(
        new Caseload("tn.psikolog1", "psychologists", "ADULT_PSYCHOLOGY", 5, 3),
        new Caseload("tn.psikolog2", "psychologists", "FAMILY_PSYCHOLOGY", 5, 3),
        new Caseload("tn.cocuk1", "child-psychologists", "CHILD_PSYCHOLOGY", 4, 3),
        new Caseload(SCARCE, "psychologists", "ADULT_PSYCHOLOGY", 7, 1));

    /** A case planned on a node. */
    record Planned(String trackingCode, Caseload caseload, AppNode node) {
    }

    /**
     * Issue 23: "a professional or a room is never double-booked, also under concurrent bookings on two nodes". Through
     * the doors people use: the desk officer records and assigns 21 counselling requests (start and intake forms through
     * {@code /engine-rest}, alternately on A and B), then every professional submits her "Seans serisini planla" form at
     * the same moment, half of them on A, half on B, for four professionals sharing the three counselling rooms; both
     * job executors book the series (the booking is an asynchronous step). One professional works one hour a week, so
     * part of her cases find her calendar full and wait on the retry timer, as designed. Afterwards, in the database: no
     * professional and no room has two live sessions at one hour, each case has all its sessions and waits for its
     * series, or has none and waits on its timer with its series in the waiting line; no incident, no 5xx, bookings ran
     * on both nodes. Then a cancelled session frees an hour: the waiting line books its head on the node that cancelled,
     * and that case's process takes the series over at once (its timer made due) instead of booking a second one.
     */
    @Test
    @Order(1)
    void shouldNeverDoubleBookAProfessionalOrARoomWhenSeriesArePlannedOnBothNodesAtOnce() throws Exception {
        long began = System.nanoTime();
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        CounsellingDesk desk = new CounsellingDesk(OFFICER, statuses::add);
        a.createStaffUser(OFFICER, "izgim-officers");
        a.createStaffUser(SUPERVISOR, "counselling-supervisors");
        for (Caseload caseload : CASELOADS) {
            b.createStaffUser(caseload.professional(), caseload.group());
        }
        Reply hours = desk.call(b, "PUT", "/api/staff/izgim/calendar/working-hours/" + SCARCE, SUPERVISOR,
            Map.of("hours", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "10:00"))));
        assertThat(hours.status()).as(hours.body()).isEqualTo(200);

        // the desk records and assigns the requests, alternately on A and B
        List<Planned> planned = new ArrayList<>();
        for (Caseload caseload : CASELOADS) {
            for (int i = 0; i < caseload.cases(); i++) {
                AppNode node = planned.size() % 2 == 0 ? a : b;
                String code = desk.request(node, caseload.service());
                desk.assign(node, code, caseload.professional());
                planned.add(new Planned(code, caseload, planned.size() % 2 == 0 ? b : a));
            }
        }
        Map<String, String> planTasks = new java.util.concurrent.ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (Planned p : planned) {
                if (!planTasks.containsKey(p.trackingCode())) {
                    String task = desk.task(p.node(), p.caseload().professional(), p.trackingCode(), "Task_PlanSeries");
                    if (task != null) {
                        planTasks.put(p.trackingCode(), task);
                    }
                }
            }
            return planTasks.size() == planned.size();
        });

        // every professional plans her series at the same moment, on A or B
        ExecutorService pool = Executors.newFixedThreadPool(planned.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Future<Integer>> plans = new ArrayList<>();
        try {
            for (Planned p : planned) {
                plans.add(pool.submit(() -> {
                    go.await();
                    return desk.plan(p.node(), p.caseload().professional(), planTasks.get(p.trackingCode()), p.caseload().sessions());
                }));
            }
            go.countDown();
            for (Future<Integer> plan : plans) {
                assertThat(plan.get(2, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
            .until(() -> calendarSettled(planned));
        figures.put("counselling cases planned at once", planned.size());
        figures.put("seconds to book them on two nodes", (System.nanoTime() - began) / 1_000_000_000);

        assertNoDoubleBooking();
        Map<String, Long> states = new java.util.TreeMap<>();
        for (Planned p : planned) {
            String state = caseState(p);
            states.merge(p.caseload().professional() + " " + state, 1L, Long::sum);
            if (!SCARCE.equals(p.caseload().professional())) {
                assertThat(state).as("%s of %s", p.trackingCode(), p.caseload().professional()).isEqualTo("BOOKED");
            }
        }
        figures.put("cases by professional and state", states);
        assertThat(states.get(SCARCE + " WAITING")).as("the scarce professional's full calendar").isPositive();
        assertThat(states.get(SCARCE + " BOOKED")).as("her hours that were free").isPositive();
        assertThat(count("select count(*) from act_ru_incident where proc_def_id_ like 'izgim-counselling:%'")).isZero();
        List<String> bookingNodes = jdbc.queryForList("select distinct hostname_ from act_hi_job_log where act_id_ = 'Task_BookSeries' "
            + "and job_state_ = 2 order by hostname_", String.class);
        figures.put("nodes that booked series", bookingNodes);
        figures.put("booking jobs that failed and were retried", count("select count(*) from act_hi_job_log "
            + "where act_id_ = 'Task_BookSeries' and job_state_ = 1"));
        assertThat(bookingNodes).containsExactly("A", "B");

        // a staff cancellation on A frees one of her hours: the waiting line's head gets it and her process moves on
        long waitingBefore = states.get(SCARCE + " WAITING");
        Map<String, Object> freed = jdbc.queryForMap("select id, case_key from izg_session where professional_id = ? "
            + "and status = 'BOOKED' order by slot_start fetch first 1 rows only", SCARCE);
        Reply cancelled = desk.call(a, "POST", "/api/staff/izgim/calendar/sessions/" + freed.get("id") + "/cancellation", SUPERVISOR, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        // the case whose session was cancelled keeps waiting for its (now empty) series: staff call her
        List<Planned> others = planned.stream().filter(p -> !p.trackingCode().equals(freed.get("case_key"))).toList();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> calendarSettled(others)
            && others.stream().filter(p -> SCARCE.equals(p.caseload().professional())).filter(p -> "WAITING".equals(caseState(p)))
                .count() == waitingBefore - 1);
        assertNoDoubleBooking();
        long bookedNow = others.stream().filter(p -> SCARCE.equals(p.caseload().professional())).filter(p -> "BOOKED".equals(caseState(p)))
            .count();
        assertThat(bookedNow).as("her booked cases: the one cancelled left, the line's head came in")
            .isEqualTo(states.get(SCARCE + " BOOKED"));
        assertThat(jdbc.queryForList("select case_key from izg_series where status = 'BOOKED' group by case_key having count(*) > 1",
            String.class)).as("cases with a second series").isEmpty();
        assertThat(count("select count(*) from act_ru_incident where proc_def_id_ like 'izgim-counselling:%'")).isZero();
        assertThat(statuses).as("every answer of the doors").allMatch(status -> status >= 200 && status < 300);
        System.out.println("---- two-node calendar figures\n" + figures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("\n")));
        figures.clear();
    }

    /**
     * Whether every case has reached where it waits (its series booked and waiting for it, or on its retry timer), no
     * booking or notice job is left to run, and no series the line booked waits to be taken over.
     */
    private static boolean calendarSettled(List<Planned> planned) {
        assertThat(jdbc.queryForList("select coalesce(incident_msg_, '') from act_ru_incident where proc_def_id_ like 'izgim-counselling:%'",
            String.class)).as("incidents of the counselling cases").isEmpty();
        if (count("select count(*) from act_ru_job where process_def_key_ = 'izgim-counselling' "
                + "and handler_type_ <> 'timer-intermediate-transition' and retries_ > 0") > 0
                || count("select count(*) from izg_series where handover_pending = true") > 0) {
            return false;
        }
        return planned.stream().allMatch(p -> caseState(p) != null);
    }

    /**
     * BOOKED: the case waits for its series (the event gateway after the booking), with exactly one series, booked, and
     * as many booked sessions as planned. WAITING: it waits on the retry timer, with one series in the waiting line and
     * no session. Null while it is on its way; anything else fails.
     */
    private static String caseState(Planned p) {
        List<String> at = jdbc.queryForList("select act_id_ from act_ru_execution where proc_inst_id_ = (select id_ from act_ru_execution "
            + "where business_key_ = ? and parent_id_ is null) and act_id_ is not null", String.class, p.trackingCode());
        long booked = count("select count(*) from izg_session where case_key = ? and status = 'BOOKED'", p.trackingCode());
        long bookedSeries = count("select count(*) from izg_series where case_key = ? and status = 'BOOKED'", p.trackingCode());
        long waitingSeries = count("select count(*) from izg_series where case_key = ? and status = 'WAITING'", p.trackingCode());
        if (at.contains("Gateway_SeriesRunning")) {
            assertThat(List.of(booked, bookedSeries, waitingSeries)).as("%s: sessions, series booked, waiting", p.trackingCode())
                .containsExactly((long) p.caseload().sessions(), 1L, 0L);
            return "BOOKED";
        }
        if (at.contains("Event_RetryBooking") && waitingSeries == 1) {
            assertThat(List.of(booked, bookedSeries)).as("%s waits: sessions, series booked", p.trackingCode()).containsExactly(0L, 0L);
            return "WAITING";
        }
        return null;
    }

    /** No professional and no room with two live sessions at one hour, whatever the constraints say. */
    private static void assertNoDoubleBooking() {
        assertThat(jdbc.queryForList("select professional_id || ' ' || slot_start from izg_session where status <> 'CANCELLED' "
            + "group by professional_id, slot_start having count(*) > 1", String.class)).as("a professional twice at one hour").isEmpty();
        assertThat(jdbc.queryForList("select room_code || ' ' || slot_start from izg_session where status <> 'CANCELLED' "
            + "group by room_code, slot_start having count(*) > 1", String.class)).as("a room twice at one hour").isEmpty();
        assertThat(count("select count(*) from izg_session where status <> 'CANCELLED' and extract(minute from slot_start) <> 0"))
            .isZero();
    }

    @Test
    @Order(2)
    void shouldRunEveryJobExactlyOnceOnTwoNodesAndFinishTheJobsOfAKilledNode() throws Exception {
        {
            for (String key : List.of("reliability-cluster-counter", "reliability-cluster-task")) {
                Reply granted = a.call("POST", "/engine-rest/authorization/create", AppNode.ADMIN, Map.of("type", 1,
                    "permissions", List.of("ALL"), "groupId", "camunda-admin", "resourceType", 6, "resourceId", key));
                assertThat(granted.status()).as(granted.body()).isEqualTo(200);
            }

            // a task completed on one node is gone on the other
            Reply instance = a.call("POST", "/engine-rest/process-definition/key/reliability-cluster-task/start", AppNode.ADMIN, Map.of());
            assertThat(instance.status()).as(instance.body()).isEqualTo(200);
            String instanceId = (String) instance.map().get("id");
            List<Map<String, Object>> onB = b.call("GET", "/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=5",
                AppNode.ADMIN, null).list();
            assertThat(onB).hasSize(1);
            String taskId = (String) onB.get(0).get("id");
            assertThat(a.call("POST", "/engine-rest/task/" + taskId + "/complete", AppNode.ADMIN, Map.of()).status()).isEqualTo(204);
            assertThat(b.call("GET", "/engine-rest/task/" + taskId, AppNode.ADMIN, null).status()).isEqualTo(404);
            assertThat(b.call("GET", "/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=5", AppNode.ADMIN, null).list())
                .isEmpty();
            Reply again = b.call("POST", "/engine-rest/task/" + taskId + "/complete", AppNode.ADMIN, Map.of());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.body()).contains(EngineRestConflicts.MESSAGE);

            // 1,000 instances, started on both nodes; every instance is two jobs (its timer, its async continuation)
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> starts = startInstances(pool, a, b);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> count("select count(*) from rel_job_count") >= INSTANCES * 2 / 5);
            // killed while it holds jobs it has locked and not finished: A is frozen (SIGSTOP) and its committed locks
            // read; holding none at that instant (between two acquisitions), it runs on and is looked at again
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
                a.pause();
                if (count(LOCKED_BY_A) > 0) {
                    return true;
                }
                a.resume();
                return false;
            });
            a.kill();
            long killedAt = System.nanoTime();
            // what A held and never finished: a moment after the kill PostgreSQL has dropped its connections and
            // rolled back its open transactions, so a job still locked by A was not run by A
            Thread.sleep(1000);
            List<Map<String, Object>> lockedByA = jdbc.queryForList(
                "select process_instance_id_, type_ from act_ru_job" + LOCKED_BY_A_WHERE);
            figures.put("jobs counted when A was killed", count("select count(*) from rel_job_count"));
            figures.put("jobs locked by A when it was killed", lockedByA.size());
            assertThat(lockedByA).as("A was killed in the middle of a batch").isNotEmpty();
            for (Future<Integer> start : starts) {
                assertThat(start.get()).isEqualTo(200);
            }
            pool.shutdown();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(COUNTER_JOBS) == 0 && count("select count(*) from rel_job_count") == 2 * counterInstances());
            figures.put("seconds from the kill until B had finished", (System.nanoTime() - killedAt) / 1_000_000_000.0);

            // A's locked jobs were finished by B, after the lock expired
            Set<String> takenOver = lockedByA.stream()
                .map(job -> job.get("process_instance_id_") + ":" + ("timer".equals(job.get("type_")) ? "timer" : "async"))
                .collect(Collectors.toSet());
            for (String key : takenOver) {
                assertThat(jdbc.queryForObject("select node from rel_job_count where job_key = ?", String.class, key))
                    .as("job %s, locked by the killed node", key).isEqualTo("B");
            }
        }
        // a start whose answer was lost in the kill and was repeated on B may have made one instance more
        long instances = counterInstances();
        assertThat(instances).isBetween((long) INSTANCES, INSTANCES + 4L);
        assertThat(count("select count(*) from rel_job_count")).isEqualTo(2 * instances);
        assertThat(count("select count(*) from rel_job_count where executions <> 1")).as("jobs run more than once").isZero();
        long onA = count("select count(*) from rel_job_count where node = 'A'");
        long onB = count("select count(*) from rel_job_count where node = 'B'");
        assertThat(onA).as("jobs run on A").isPositive();
        assertThat(onB).as("jobs run on B").isPositive();
        assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'reliability-cluster-counter' and end_time_ is null"))
            .as("instances not finished").isZero();
        assertThat(count(COUNTER_JOBS)).isZero();
        assertThat(count("select count(*) from act_ru_incident")).isZero();

        figures.put("instances", instances);
        figures.put("jobs (timers + async continuations)", 2 * instances);
        figures.put("jobs run on A", onA);
        figures.put("jobs run on B", onB);
        figures.put("jobs run twice", count("select count(*) from rel_job_count where executions > 1"));
        figures.put("jobs lost", 2 * instances - count("select count(*) from rel_job_count"));
        figures.put("total seconds", (System.nanoTime() - started) / 1_000_000_000);
        String report = figures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
        System.out.println("---- two-node figures\n" + report);
        Files.writeString(WORK.getParent().resolve("cluster-figures.txt"), report + "\n", StandardCharsets.UTF_8);
    }

    /** Starts the instances on both nodes, four at a time; a start meant for a node that was killed goes to the other. */
    private static List<Future<Integer>> startInstances(ExecutorService pool, AppNode a, AppNode b) {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            AppNode node = i % 2 == 0 ? a : b;
            results.add(pool.submit(() -> {
                String path = "/engine-rest/process-definition/key/reliability-cluster-counter/start";
                try {
                    int status = node.call("POST", path, AppNode.ADMIN, Map.of()).status();
                    if (status == 200 || !node.isDying()) {
                        return status;
                    }
                } catch (IOException e) {
                    if (!node.isDying()) {
                        throw e;
                    }
                }
                return b.call("POST", path, AppNode.ADMIN, Map.of()).status();
            }));
        }
        return results;
    }

    private static AppNode node(String name) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres");
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", Integer.toString(LOCK_TIME_MILLIS));
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        // larger batches: a node always holds some locked jobs, so the kill lands in the middle of one
        properties.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "10");
        properties.put("app.test.notification-record-file", WORK.resolve("notifications-" + name + ".tsv").toAbsolutePath().toString());
        // the job log's host is the node, so that the test sees which node ran a job
        properties.put("camunda.bpm.generic-properties.properties.hostname", name);
        return new AppNode(name, postgres.getJdbcUrl("postgres", "postgres"), WORK, properties);
    }

    private static AppNode createCounterTable(AppNode next) {
        jdbc.execute("create table rel_job_count (job_key varchar(100) primary key, node varchar(10) not null, executions integer not null)");
        return next;
    }

    static long counterInstances() {
        return count("select count(*) from act_hi_procinst where proc_def_key_ = 'reliability-cluster-counter'");
    }

    static long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
