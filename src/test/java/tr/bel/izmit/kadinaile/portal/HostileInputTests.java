package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.support.Gen;
import tr.bel.izmit.kadinaile.support.PropertyCheck;

/**
 * Hostile input against every public door (issue 8, part 4): generators ({@link Gen}, from a printed fixed seed) make hundreds of payloads per
 * endpoint (any Unicode with control characters and lone surrogates, expression and injection strings, huge
 * and deeply nested values, wrong JSON types, malformed JSON, random path segments), sent over real HTTP.
 * Whatever comes in, the answer is never a 5xx, never shows a stack trace or an internal name, and no process
 * is started by anything that was not answered with 201.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=100000", "app.portal.rate-limit.lookup-capacity=100000",
    "app.portal.rate-limit.withdrawal-capacity=100000", "app.portal.status-response-floor=PT0S"})
@ActiveProfiles("test")
class HostileInputTests {

    private static final int TRIES = 150;
    /** What an answer must never show: stack traces, class and package names, engine and SQL internals. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "org.camunda", "org.springframework", "java.",
        "tr.bel.izmit", "ENGINE-", "ACT_", "SQL", "jdbc", "Hibernate", "Jackson", "Caused by");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    PortalCatalog catalog;
    @Autowired
    PortalApplications applications;
    @Autowired
    HistoryService historyService;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private int accepted;

    @Test
    void shouldAnswerEveryHostileJsonApplicationWithAClientErrorAndStartNothing() throws Exception {
        long before = historyService.createHistoricProcessInstanceQuery().count();
        for (String processKey : openServices()) {
            List<String> keys = applications.form(processKey).fields().stream().map(FormField::key).toList();
            for (Map<String, Object> values : samples(applicationValues(keys), TRIES)) {
                HttpResponse<String> answer = send("POST", "/api/public/applications/" + processKey, "application/json",
                    JSON.writeValueAsString(values));
                assertHarmless(answer, "POST application " + processKey + " " + values.keySet());
            }
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before + accepted);
    }

    @Test
    void shouldAnswerMalformedBodiesAndWrongContentTypesWithAClientError() throws Exception {
        long before = historyService.createHistoricProcessInstanceQuery().count();
        String processKey = openServices().get(0);
        List<String> bodies = new ArrayList<>(samples(hostileText(), TRIES));
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        bodies.add("{\"firstName\": \"" + "ş".repeat(2_000_000) + "\"}");
        bodies.add("");
        for (String body : bodies) {
            for (String contentType : List.of("application/json", "text/plain", "application/xml", "multipart/form-data")) {
                HttpResponse<String> answer = send("POST", "/api/public/applications/" + processKey, contentType, body);
                assertHarmless(answer, "malformed " + contentType + " body of " + body.length() + " characters");
            }
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before + accepted);
    }

    @Test
    void shouldAnswerHostilePathsAndCodesWithAClientError() throws Exception {
        for (String segment : samples(hostileText().filter(text -> text.length() < 2000), TRIES)) {
            String encoded = URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
            assertHarmless(send("GET", "/api/public/applications/" + encoded, null, null), "status of " + segment);
            assertHarmless(send("POST", "/api/public/applications/" + encoded + "/withdrawal", "application/json", "{}"),
                "withdrawal of " + segment);
            assertHarmless(send("GET", "/api/public/forms/" + encoded, null, null), "form " + segment);
            assertHarmless(send("POST", "/api/public/applications/" + encoded, "application/json", "{}"), "service " + segment);
            assertHarmless(send("GET", "/basvuru/" + encoded, null, null), "page " + segment);
            assertHarmless(send("GET", "/api/public/courses?q=" + encoded + "&centre=" + encoded, null, null), "search " + segment);
        }
    }

    @Test
    void shouldAnswerHostilePortalFormsWithTheFormAgainAndStartNothing() throws Exception {
        long before = historyService.createHistoricProcessInstanceQuery().count();
        for (String processKey : openServices()) {
            List<String> keys = applications.form(processKey).fields().stream().map(FormField::key).toList();
            String[] session = csrfSession("/basvuru/" + processKey);
            for (Map<String, Object> values : samples(applicationValues(keys), TRIES / 2)) {
                Map<String, String> form = new LinkedHashMap<>();
                values.forEach((key, value) -> form.put(key, String.valueOf(value)));
                form.put(PortalSecurity.PARAMETER, session[1]);
                HttpResponse<String> answer = send("POST", "/basvuru/" + processKey, "application/x-www-form-urlencoded",
                    urlEncoded(form), session[0]);
                assertHarmless(answer, "portal form " + processKey + " " + values.keySet());
            }
            String[] status = csrfSession("/basvuru/durum");
            for (String code : samples(hostileText().filter(text -> text.length() < 5000), TRIES / 2)) {
                Map<String, String> form = Map.of(PortalSecurity.PARAMETER, status[1], "kod", code);
                assertHarmless(send("POST", "/basvuru/durum", "application/x-www-form-urlencoded", urlEncoded(form), status[0]),
                    "status page " + code.length());
                assertHarmless(send("POST", "/basvuru/durum/geri-cek", "application/x-www-form-urlencoded", urlEncoded(form),
                    status[0]), "withdrawal page " + code.length());
            }
        }
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(before + accepted);
    }

    // ---------------------------------------------------------------- generators

    /** Text an attacker or a broken client sends. */
    static Gen<String> hostileText() {
        return Gen.oneOf(
            Gen.strings(Gen.anyChar(), 0, 200),
            Gen.strings(Gen.charRange('\u0000', '\u001f'), 0, 20),
            Gen.strings(Gen.digitChars(), 1, 40),
            Gen.strings(Gen.charsOf("İıŞşĞğÜüÖöÇç"), 1, 60),
            Gen.of("${1+1}", "#{7*7}", "${currentUser()}", "<script>alert(1)</script>", "' OR '1'='1' --",
                "\"; DROP TABLE mc_application; --", "../../../etc/passwd", "%00", "\u0000", "\uD800", "\uFEFF", "NaN",
                "-1", "1e309", "-0", "null", "undefined", "true", "[]", "{}", "MK-0000-0000", "TR000000000000000000000000",
                "00000000000", "+90 5", "@", "\\", "\r\n\r\n", "a".repeat(6000), "0".repeat(100)));
    }

    private static final Gen<Character> ALPHA = Gen.oneOf(Gen.charRange('a', 'z'), Gen.charRange('A', 'Z'));

    static Gen<Object> jsonValue() {
        Gen<Object> scalar = Gen.oneOf(hostileText(), Gen.integers(), Gen.longs(), Gen.doubles(), Gen.of(true, false),
            Gen.just(null));
        return Gen.oneOf(scalar, Gen.lists(scalar, 0, 5), Gen.maps(Gen.strings(ALPHA, 0, 10), scalar, 3));
    }

    /** The form's own keys (a random part of them) with hostile values, now and then an unknown key. */
    static Gen<Map<String, Object>> applicationValues(List<String> formKeys) {
        Gen<String> key = Gen.oneOf(Gen.of(formKeys), Gen.of(formKeys), Gen.of(formKeys),
            hostileText().filter(text -> !text.isEmpty() && text.length() < 150));
        return Gen.maps(key, jsonValue(), Math.min(formKeys.size() + 2, 70));
    }

    private static <T> List<T> samples(Gen<T> gen, int count) {
        return PropertyCheck.samples(gen, count);
    }

    // ---------------------------------------------------------------- HTTP

    private List<String> openServices() {
        List<String> keys = catalog.all().stream().filter(PortalProcess::isOpen).map(PortalProcess::processKey).toList();
        assertThat(keys).isNotEmpty();
        return keys;
    }

    private void assertHarmless(HttpResponse<String> answer, String what) {
        int status = answer.statusCode();
        assertThat(status).as(what + " answered " + status + ": " + abbreviated(answer.body())).isLessThan(500);
        if (status == 201 || (status == 303 && answer.headers().firstValue("Location").orElse("").contains("/tamam"))) {
            accepted++;
        }
        if (status >= 400) {
            for (String leak : LEAKS) {
                assertThat(answer.body()).as(what + " shows " + leak).doesNotContain(leak);
            }
        }
    }

    private String[] csrfSession(String path) throws IOException, InterruptedException {
        HttpResponse<String> page = send("GET", path, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(PortalSecurity.COOKIE + "="))
            .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = PortalPagesTests.HIDDEN_TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        return new String[] {cookie, token.group(1)};
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(method, path, contentType, body, null);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String urlEncoded(Map<String, String> form) {
        return form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 500 ? body : body.substring(0, 500) + "…";
    }
}
