package tr.bel.izmit.kadinaile.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tr.bel.izmit.kadinaile.courses.CourseTestData;
import tr.bel.izmit.kadinaile.reliability.AppNode.Reply;

/**
 * What {@code WRITE_DELAY=0} costs the default H2 file database (not a test; prints figures): the README's default run
 * as a real JVM ({@link AppNode#withReadmeDefaults}) on a fresh directory, once with H2's default write delay (commits
 * reach the file up to half a second later) and once with the default URL (every commit written before it returns),
 * alternately, {@code rounds} times each. In each run: {@code warm-up} applications, then {@code applications} course
 * applications through the portal from four clients (applications per second), then the coordinator completes
 * {@code tasks} pre-interviews one after another with the engine REST API's {@code submit-form} (milliseconds per
 * completion); finally the size of the database file.
 *
 * <pre>mvn -B -ntp -Pbenchmark verify -Dbenchmark.main=tr.bel.izmit.kadinaile.reliability.H2WriteDelayBenchmark \
 *     -Dbenchmark.args="applications=400 tasks=100 rounds=2"</pre>
 */
public final class H2WriteDelayBenchmark {

    private static final String WITHOUT = "jdbc:h2:file:./data/kadin-aile;DB_CLOSE_ON_EXIT=FALSE";
    private static final Path WORK = Path.of("target", "reliability", "h2-write-delay");

    private H2WriteDelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("applications", 400, "tasks", 100, "rounds", 2, "warm-up", 40));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], Integer.parseInt(pair[1]));
        }
        List<String> rows = new ArrayList<>();
        rows.add("| run | write delay | applications/s (4 clients) | ms per task completion (1 client) | database file (MB) |");
        rows.add("|---|---|---:|---:|---:|");
        for (int round = 1; round <= options.get("rounds"); round++) {
            for (boolean immediate : new boolean[] {false, true}) {
                rows.add(run(round, immediate, options));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
        System.out.println("---- H2 write delay (" + options + ")");
        rows.forEach(System.out::println);
    }

    private static String run(int round, boolean immediate, Map<String, Integer> options) throws Exception {
        Path dir = WORK.resolve((immediate ? "immediate-" : "default-") + round);
        deleteRecursively(dir);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("app.portal.rate-limit.capacity", "1000000");
        if (!immediate) {
            properties.put("spring.datasource.url", WITHOUT);
        }
        try (AppNode node = AppNode.withReadmeDefaults("node", dir, properties).start()) {
            List<String> courses = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> page = (List<Map<String, Object>>) node.call("GET", "/api/public/courses?size=100", null, null)
                .map().get("courses");
            page.stream().filter(c -> Boolean.TRUE.equals(c.get("interviewRequired"))).forEach(c -> courses.add((String) c.get("code")));
            submit(node, courses, options.get("warm-up"));
            long started = System.nanoTime();
            submit(node, courses, options.get("applications"));
            double perSecond = options.get("applications") / ((System.nanoTime() - started) / 1e9);
            int tasks = options.get("tasks");
            started = System.nanoTime();
            int done = 0;
            while (done < tasks) {
                Reply list = node.call("GET", "/engine-rest/task?processDefinitionKey=course-enrollment&taskDefinitionKey="
                    + "Task_PreInterview&sortBy=created&sortOrder=asc&maxResults=" + Math.min(50, tasks - done), "burcu.yildiz", null);
                if (list.list().isEmpty()) {
                    throw new IllegalStateException("no pre-interview left after " + done);
                }
                for (Map<String, Object> task : list.list()) {
                    Reply reply = node.call("POST", "/engine-rest/task/" + task.get("id") + "/submit-form", "burcu.yildiz",
                        Map.of("variables", AppNode.variables(Map.of("interviewDecision", "ACCEPT", "interviewNote", "Olumlu."))));
                    if (reply.status() != 204) {
                        throw new IllegalStateException("submit-form: " + reply);
                    }
                    done++;
                }
            }
            double millisPerTask = (System.nanoTime() - started) / 1e6 / tasks;
            double megabytes = Files.size(dir.resolve("data").resolve("kadin-aile.mv.db")) / 1024.0 / 1024.0;
            return String.format("| %d | %s | %.1f | %.1f | %.1f |", round, immediate ? "0 (every commit written)" : "default (500 ms)",
                perSecond, millisPerTask, megabytes);
        }
    }

    private static void submit(AppNode node, List<String> courses, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                work.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Reply reply = node.call("POST", "/api/public/applications/course-enrollment", null,
                            CourseTestData.startForm(courses.get(i % courses.size())));
                        if (reply.status() != 201) {
                            throw new IllegalStateException("application: " + reply);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
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
