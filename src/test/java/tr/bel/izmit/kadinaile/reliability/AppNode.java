package tr.bel.izmit.kadinaile.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import tr.bel.izmit.kadinaile.reliability.node.NodeMain;

/**
 * One application node as a real, separate JVM on the test classpath ({@link NodeMain}), profile
 * {@code postgres} on the given database, job executor on, its own port and log file. {@link #kill()} is
 * SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no commit, no cleanup.
 * {@link #withReadmeDefaults} starts the application as the README's {@code mvn spring-boot:run} does instead.
 */
final class AppNode implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "reliability-Admin-Password-1";
    static final String STAFF_PASSWORD = "reliability-Staff-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key of this test run (the public development key is refused outside demo and test). */
    private static final String DATA_KEY = Base64.getEncoder().encodeToString(randomKey());
    private static final String IZGIM_DATA_KEY = Base64.getEncoder().encodeToString(randomKey());

    final String name;
    final int port;
    final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final String adminPassword;
    private final String staffPassword;
    private Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What an HTTP call answered. */
    record Reply(int status, String body) {
        Object json() {
            try {
                return JSON.readValue(body, Object.class);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) json();
        }
    }

    AppNode(String name, String jdbcUrl, Path workDir, Map<String, String> properties) throws IOException {
        this.name = name;
        this.port = freePort();
        Files.createDirectories(workDir);
        this.log = workDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-Djava.io.tmpdir=" + workDir, "-Dreliability.node=" + name,
            "-cp", testClasspath(), NodeMain.class.getName()));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.main.banner-mode", "off");
        props.put("camunda.bpm.job-execution.enabled", "true");
        props.put("app.notification.email-transport", "log");
        props.put("app.notification.dispatch-after-commit", "true");
        props.put("app.notification.dispatch-interval", "PT2S");
        props.put("spring.datasource.hikari.maximum-pool-size", "12");
        props.put("logging.level.org.camunda.bpm.engine.jobexecutor", "WARN");
        props.putAll(properties);
        props.forEach((key, value) -> cmd.add("--" + key + "=" + value));
        this.command = cmd;
        this.workingDirectory = null;
        this.adminPassword = ADMIN_PASSWORD;
        this.staffPassword = STAFF_PASSWORD;
        this.environment = Map.of(
            "SPRING_PROFILES_ACTIVE", properties.getOrDefault("spring.profiles.active", "postgres"),
            "DB_URL", jdbcUrl, "DB_USER", "postgres", "DB_PASSWORD", "",
            "ADMIN_USER", ADMIN, "ADMIN_PASSWORD", ADMIN_PASSWORD,
            "VIOLENCE_LINE_DATA_KEY", DATA_KEY,
            "IZGIM_DATA_KEY", IZGIM_DATA_KEY,
            "SECURE_COOKIES", "false", "PORT", Integer.toString(port));
    }

    private AppNode(String name, Path workDir, List<String> command, Map<String, String> environment, String adminPassword,
            String staffPassword) {
        this.name = name;
        this.port = Integer.parseInt(environment.get("PORT"));
        this.log = workDir.resolve(name + ".log");
        this.command = command;
        this.environment = environment;
        this.workingDirectory = workDir;
        this.adminPassword = adminPassword;
        this.staffPassword = staffPassword;
    }

    /**
     * The application as the README runs it ({@code mvn spring-boot:run}): its own main class
     * ({@code KadinAileApplication}) on the main classes and the dependencies (no test classes), no profile (so
     * {@code spring.profiles.default=demo}), no database URL (so application.properties' H2 file database
     * {@code ./data/kadin-aile}), started in {@code workDir}, whose {@code data} directory is then its database. Only
     * the port and the given properties differ; the demo users' password is {@code demo}.
     */
    static AppNode withReadmeDefaults(String name, Path workDir, Map<String, String> properties) throws IOException {
        Files.createDirectories(workDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-Djava.io.tmpdir=" + workDir.toAbsolutePath(), "-cp", mainClasspath(), "tr.bel.izmit.kadinaile.KadinAileApplication"));
        properties.forEach((key, value) -> cmd.add("--" + key + "=" + value));
        return new AppNode(name, workDir.toAbsolutePath(), cmd, Map.of("PORT", Integer.toString(freePort())), "demo", "demo");
    }

    /** Starts the JVM and waits until the application answers its health check. */
    AppNode start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
            // the README's run: no profile, no database or admin settings from this JVM's environment
            List.of("SPRING_PROFILES_ACTIVE", "DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_USER", "ADMIN_PASSWORD")
                .forEach(builder.environment()::remove);
        }
        builder.environment().putAll(environment);
        Files.writeString(log, "---- start " + Instant.now() + "\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (call("GET", "/actuator/health", null, null).status() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + name + " did not start in time, see " + log);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Whether the node is gone or goes within a few seconds: a call that failed because the node is being
     * killed may fail a moment before the process is reaped.
     */
    boolean isDying() throws InterruptedException {
        return process == null || process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Waits for the node to stop on its own (the crash hook halts it); returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("node " + name + " is still running");
        }
        return process.exitValue();
    }

    /** SIGSTOP: every thread of the node stops where it is; its connections and open transactions stay as they are. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT, after {@link #pause()}. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + signal + " of node " + name + " exited with " + exit);
        }
    }

    /** SIGKILL. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    Reply call(String method, String path, String user, Object body) throws IOException, InterruptedException {
        return call(method, path, user, body, Map.of());
    }

    Reply call(String method, String path, String user, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String password = ADMIN.equals(user) ? adminPassword : staffPassword;
            request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    /** Creates a staff user in the given group through the engine REST API, as the administrator. */
    void createStaffUser(String userId, String group) throws IOException, InterruptedException {
        Reply created = call("POST", "/engine-rest/user/create", ADMIN, Map.of(
            "profile", Map.of("id", userId, "firstName", "Test", "lastName", userId, "email", userId + "@example.org"),
            "credentials", Map.of("password", STAFF_PASSWORD)));
        if (created.status() != 204) {
            throw new IllegalStateException("user " + userId + ": " + created);
        }
        Reply member = call("PUT", "/engine-rest/group/" + group + "/members/" + userId, ADMIN, null);
        if (member.status() != 204) {
            throw new IllegalStateException("membership " + userId + ": " + member);
        }
    }

    /** Engine REST variables ({"name": {"value": ..., "type": ...}}) from plain values; whole numbers as Long. */
    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("value", value);
            if (value instanceof Long || value instanceof Integer) {
                variable.put("type", "Long");
            }
            variables.put(key, variable);
        });
        return variables;
    }

    /**
     * The classpath of this test JVM without empty entries: Failsafe's ends with one, which would put the
     * working directory (the repository, with its source {@code bpmn/}) on the node's classpath.
     */
    private static String testClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> !entry.isBlank())
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** {@link #testClasspath()} without the compiled test sources: what {@code mvn spring-boot:run} puts on it. */
    private static String mainClasspath() {
        return java.util.Arrays.stream(testClasspath().split(java.io.File.pathSeparator))
            .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes") && !entry.replace('\\', '/').endsWith("/test-classes/"))
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
