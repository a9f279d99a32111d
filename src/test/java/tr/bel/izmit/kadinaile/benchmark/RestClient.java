package tr.bel.izmit.kadinaile.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A staff member's client of the engine REST API (HTTP Basic where the engine under test asks for it). */
final class RestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a request may take before the client gives up on it (the benchmark then counts it as failed or infinite). */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("benchmark.requestTimeoutSeconds", 60));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final EngineUnderTest engine;
    private final String base;
    private final String authorization;
    /** Whether the staff member looks at her queue before each decision, as in Tasklist (see {@link #runOneInstance}). */
    private volatile boolean looksAtQueue;

    RestClient(EngineUnderTest engine) {
        this.engine = engine;
        this.base = "http://localhost:" + engine.port() + "/engine-rest";
        this.authorization = engine.authenticated
            ? "Basic " + Base64.getEncoder().encodeToString(
                (EngineUnderTest.STAFF_USER + ":" + EngineUnderTest.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8))
            : null;
    }

    /**
     * From now on, before each decision the staff member looks at the queue of the task's candidate group as Tasklist
     * shows it (issue 26): its first page of 15 in the filters' order ({@code POST /task}) and its count
     * ({@code POST /task/count}), so that the open tasks of a backlog are in what the timed users query. Off: the
     * workload of the runs before 2026-12-07 (only the task of the instance at hand is read).
     */
    RestClient lookingAtQueue(boolean on) {
        looksAtQueue = on;
        return this;
    }

    /**
     * Has the application start an application (in this JVM, as the portal's server side does: a staff member may not
     * start with the variables the intake would have left), completes its three tasks through the REST API as the
     * staff member (each after a look at her queue, see {@link #lookingAtQueue}), and returns the latencies of the three
     * completions (ns).
     */
    long[] runOneInstance(int sequence) {
        String instanceId = engine.startAsApplication(sequence).getId();
        List<Map<String, Object>> decisions = Workload.decisions();
        long[] latencies = new long[decisions.size()];
        for (int i = 0; i < decisions.size(); i++) {
            if (looksAtQueue) {
                String group = Workload.decisionGroups().get(i);
                if (post("/task?firstResult=0&maxResults=15", EngineBenchmark.sortedQueue(group), 200).isEmpty()) {
                    throw new IllegalStateException("the queue of " + group + " is empty, with the task of " + instanceId + " in it");
                }
                post("/task/count", EngineBenchmark.queue(group), 200);
            }
            JsonNode tasks = get("/task?processInstanceId=" + instanceId + "&firstResult=0&maxResults=15");
            if (tasks.size() != 1) {
                throw new IllegalStateException("expected one task of " + instanceId + ", got " + tasks);
            }
            String taskId = tasks.get(0).get("id").asText();
            long begin = System.nanoTime();
            post("/task/" + taskId + "/complete", Map.of("variables", variables(decisions.get(i))), 204);
            latencies[i] = System.nanoTime() - begin;
        }
        return latencies;
    }

    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }

    JsonNode get(String path) {
        return send(request(path).GET().build(), 200);
    }

    JsonNode post(String path, Object body, int expectedStatus) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), expectedStatus);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
                    + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
