package tr.bel.izmit.kadinaile.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.courses.CourseTestData;
import tr.bel.izmit.kadinaile.reliability.AppNode.Reply;

/**
 * The README's default run ({@code mvn spring-boot:run}: profile {@code demo}, the embedded H2 file database under
 * {@code ./data}) loses nothing it acknowledged when the process is killed: the application starts as a real JVM in a
 * fresh directory, four citizens' clients stream course applications through the portal and a coordinator completes
 * pre-interviews as Tasklist does (engine REST {@code submit-form} as {@code burcu.yildiz}, HTTP Basic), then the JVM is
 * killed with SIGKILL in the middle of it and started again on the same directory. Every tracking code answered
 * {@code 201} must answer its status page, every task answered {@code 204} must be completed in the history and gone
 * from the task list. Figures in {@code target/reliability/default-db-figures.txt}.
 */
class DefaultDatabaseCrashIT {

    static final Path WORK = Path.of("target", "reliability", "default-db");
    /** The kill comes once this many applications were acknowledged (and at least a few tasks completed)... */
    static final int ACKNOWLEDGED_BEFORE_KILL = 100;
    static final int COMPLETED_BEFORE_KILL = 5;
    /** ... or after this long, whichever is first. */
    static final Duration STREAM_AT_MOST = Duration.ofSeconds(15);
    static final String COORDINATOR = "burcu.yildiz";

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
    final AtomicInteger unanswered = new AtomicInteger();
    final Map<String, Object> figures = new LinkedHashMap<>();

    @Test
    void shouldKeepEveryAcknowledgedApplicationAndCompletedTaskWhenTheDefaultRunIsKilled() throws Exception {
        deleteRecursively(WORK);
        Map<String, String> properties = Map.of("spring.main.banner-mode", "off",
            // hundreds of applications from one address in seconds: the portal's per-address limit would refuse them
            "app.portal.rate-limit.capacity", "100000");
        long started = System.nanoTime();
        AppNode node = AppNode.withReadmeDefaults("default", WORK, properties).start();
        figures.put("seconds to start (fresh database, demo data)", (System.nanoTime() - started) / 1_000_000_000.0);
        List<String> courses = interviewCourses(node);
        assertThat(courses).as("demo courses with a pre-interview and free seats").isNotEmpty();

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(5);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            work.add(clients.submit(() -> submitUntilStopped(node, courses, client, stop)));
        }
        work.add(clients.submit(() -> completeUntilStopped(node, stop)));
        long streaming = System.nanoTime();
        while (System.nanoTime() - streaming < STREAM_AT_MOST.toNanos()
                && (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL || completedTasks.size() < COMPLETED_BEFORE_KILL)) {
            Thread.sleep(20);
        }
        // SIGKILL while the clients still submit and complete: no shutdown hook, no close of the database
        node.kill();
        stop.set(true);
        for (Future<?> future : work) {
            future.get();
        }
        clients.shutdown();
        figures.put("seconds of streaming before the kill", (System.nanoTime() - streaming) / 1_000_000_000.0);
        figures.put("applications acknowledged (201) before the kill", acknowledged.size());
        figures.put("tasks completed (204) before the kill", completedTasks.size());
        figures.put("requests cut off by the kill (no answer)", unanswered.get());

        AppNode restarted = AppNode.withReadmeDefaults("default", WORK, properties).start();
        try {
            List<String> lostApplications = lostApplications(restarted);
            List<String> lostCompletions = lostCompletions(restarted);
            figures.put("acknowledged applications not found after the restart", lostApplications.size());
            figures.put("completed tasks open again or missing after the restart", lostCompletions.size());
            figures.put("total seconds", (System.nanoTime() - started) / 1_000_000_000.0);
            String report = figures.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
            System.out.println("---- default database crash figures\n" + report);
            Files.writeString(WORK.getParent().resolve("default-db-figures.txt"), report + "\n", StandardCharsets.UTF_8);

            assertThat(acknowledged).as("applications acknowledged before the kill").hasSizeGreaterThan(20);
            assertThat(completedTasks).as("tasks completed before the kill").isNotEmpty();
            assertThat(lostApplications).as("tracking codes answered 201 and then forgotten").isEmpty();
            assertThat(lostCompletions).as("tasks answered 204 and then open again or gone from the history").isEmpty();
        } finally {
            restarted.close();
        }
    }

    /** The codes of the demo's open courses that have a pre-interview (so every application makes a staff task). */
    @SuppressWarnings("unchecked")
    private static List<String> interviewCourses(AppNode node) throws IOException, InterruptedException {
        Reply page = node.call("GET", "/api/public/courses?size=100", null, null);
        assertThat(page.status()).isEqualTo(200);
        return ((List<Map<String, Object>>) page.map().get("courses")).stream()
            .filter(course -> Boolean.TRUE.equals(course.get("interviewRequired")))
            .map(course -> (String) course.get("code"))
            .toList();
    }

    private void submitUntilStopped(AppNode node, List<String> courses, int client, AtomicBoolean stop) {
        for (int i = 0; !stop.get(); i++) {
            Map<String, Object> form = CourseTestData.startForm(courses.get((client + 4 * i) % courses.size()));
            try {
                Reply reply = node.call("POST", "/api/public/applications/course-enrollment", null, form);
                if (reply.status() != 201) {
                    throw new IllegalStateException("application refused: " + reply);
                }
                acknowledged.add((String) reply.map().get("trackingCode"));
            } catch (IOException cutOff) {
                unanswered.incrementAndGet();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Completes pre-interviews as the coordinator does in Tasklist: the oldest first, with the task's form. */
    private void completeUntilStopped(AppNode node, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                Reply tasks = node.call("GET", "/engine-rest/task?processDefinitionKey=course-enrollment"
                    + "&taskDefinitionKey=Task_PreInterview&sortBy=created&sortOrder=asc&maxResults=20", COORDINATOR, null);
                if (tasks.status() != 200) {
                    throw new IllegalStateException("task list: " + tasks);
                }
                for (Map<String, Object> task : tasks.list()) {
                    String id = (String) task.get("id");
                    Reply done = node.call("POST", "/engine-rest/task/" + id + "/submit-form", COORDINATOR,
                        Map.of("variables", AppNode.variables(Map.of("interviewDecision", "ACCEPT",
                            "interviewNote", "Görüşme olumlu geçti."))));
                    if (done.status() != 204) {
                        throw new IllegalStateException("submit-form " + id + ": " + done);
                    }
                    completedTasks.add(id);
                }
                if (tasks.list().isEmpty()) {
                    Thread.sleep(50);
                }
            } catch (IOException cutOff) {
                unanswered.incrementAndGet();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The acknowledged tracking codes whose status page (the citizen's door) does not find them. */
    private List<String> lostApplications(AppNode node) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String code : acknowledged) {
                answers.add(pool.submit(() -> {
                    Reply status = node.call("GET", "/api/public/applications/" + code, null, null);
                    if (status.status() == 200) {
                        return null;
                    }
                    if (status.status() == 404) {
                        return code;
                    }
                    throw new IllegalStateException("status of " + code + ": " + status);
                }));
            }
            List<String> lost = new ArrayList<>();
            for (Future<String> answer : answers) {
                String code = answer.get();
                if (code != null) {
                    lost.add(code);
                }
            }
            return lost;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The tasks answered 204 that are open again or not finished in the history. */
    private List<String> lostCompletions(AppNode node) throws IOException, InterruptedException {
        Reply open = node.call("GET", "/engine-rest/task?processDefinitionKey=course-enrollment&taskDefinitionKey=Task_PreInterview"
            + "&maxResults=2000", COORDINATOR, null);
        Reply finished = node.call("GET", "/engine-rest/history/task?processDefinitionKey=course-enrollment"
            + "&taskDefinitionKey=Task_PreInterview&finished=true&maxResults=2000", AppNode.ADMIN, null);
        assertThat(open.status()).isEqualTo(200);
        assertThat(finished.status()).isEqualTo(200);
        Set<String> openIds = open.list().stream().map(t -> (String) t.get("id")).collect(Collectors.toSet());
        Set<String> finishedIds = finished.list().stream().map(t -> (String) t.get("id")).collect(Collectors.toSet());
        return completedTasks.stream().filter(id -> openIds.contains(id) || !finishedIds.contains(id)).sorted().toList();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
