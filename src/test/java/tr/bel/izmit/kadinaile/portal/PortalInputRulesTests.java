package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;
import tr.bel.izmit.kadinaile.support.TestUsers;

/**
 * Issue 22 §2, the input rules, through the doors people use: the portal's HTML form, the public JSON API and
 * Tasklist's start (engine REST as an İZGİM officer). Identifiers typed with spaces are accepted and stored in their
 * one written form; only Turkish IBANs; the portal form leaves checking to the server's Turkish summary; and one open
 * microcredit application per person.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=1000", "app.portal.status-response-floor=PT0.2S"})
@ActiveProfiles("test")
class PortalInputRulesTests {

    static final String MICROCREDIT = "microcredit-application";
    static final String GERMAN_IBAN = "DE89370400440532013000";
    static final String ALREADY_OPEN = "Bu T.C. Kimlik No ile devam eden bir başvuru var.";
    static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    static final Pattern LOCATION = Pattern.compile("kod=(MK-[0-9A-Z]{4}-[0-9A-Z]{4})$");
    static final String PASSWORD = "Input-Rules-Password-7";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> users = new ArrayList<>();

    @AfterEach
    void removeUsers() {
        users.forEach(identityService::deleteUser);
        users.clear();
    }

    // ---------------------------------------------------------------- novalidate

    @Test
    void shouldLeaveCheckingToThePortalsOwnTurkishSummary() throws Exception {
        HttpResponse<String> page = get("/basvuru/" + MICROCREDIT, null);

        Matcher form = Pattern.compile("<form\\b[^>]*\\bclass=\"application\"[^>]*>").matcher(page.body());
        assertThat(form.find()).isTrue();
        assertThat(form.group()).containsPattern("\\snovalidate(=\"[^\"]*\")?[\\s>]");
    }

    // ---------------------------------------------------------------- spaces and separators

    @Test
    void shouldAcceptIdentifiersTypedWithSpacesOnThePortalAndStoreThemInOneForm() throws Exception {
        String tc = IdentityNumbers.randomTcKimlikNo();
        Map<String, String> values = PortalPagesTests.validValues();
        values.put("tcKimlikNo", " " + tc.substring(0, 3) + " " + tc.substring(3, 6) + " " + tc.substring(6) + " ");
        values.put("phone", "+90 (532) 123-45-67");
        values.put("iban", "tr33 0006 1005 1978 6457 8413 26");

        String code = submitOnThePortal(values);

        assertThat(stored(code)).containsEntry("TC_KIMLIK_NO", tc).containsEntry("PHONE", "5321234567")
            .containsEntry("IBAN", "TR330006100519786457841326");
    }

    @Test
    void shouldAcceptIdentifiersTypedWithSpacesOverThePublicApi() {
        String tc = IdentityNumbers.randomTcKimlikNo();
        Map<String, Object> values = PublicApiTests.validExample(MICROCREDIT);
        values.put("tcKimlikNo", tc.substring(0, 5) + " " + tc.substring(5));
        values.put("phone", "0 532 123 45 67");
        values.put("iban", "TR33 0006 1005 1978 6457 8413 26");

        ResponseEntity<String> created = postJson("/api/public/applications/" + MICROCREDIT, values);

        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(stored(read(created.getBody()).path("trackingCode").asText())).containsEntry("TC_KIMLIK_NO", tc)
            .containsEntry("PHONE", "5321234567").containsEntry("IBAN", "TR330006100519786457841326");
    }

    @Test
    void shouldAcceptIdentifiersTypedWithSpacesAtATasklistStart() {
        String officer = user(StaffGroup.IZGIM_OFFICERS);
        String tc = IdentityNumbers.randomTcKimlikNo();
        Map<String, Object> values = PublicApiTests.validExample(MICROCREDIT);
        values.put("tcKimlikNo", tc.substring(0, 2) + " " + tc.substring(2, 7) + " " + tc.substring(7));
        values.put("phone", "(0532) 123 45 67");
        values.put("iban", "TR33 0006 1005 1978 6457 8413 26");

        ResponseEntity<String> started = startInTasklist(officer, values);

        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String instanceId = read(started.getBody()).path("id").asText();
        Map<String, Object> row = jdbc.queryForMap("select tc_kimlik_no, phone, iban from mc_application where process_instance_id = ?",
            instanceId);
        assertThat(row).containsEntry("TC_KIMLIK_NO", tc).containsEntry("PHONE", "5321234567")
            .containsEntry("IBAN", "TR330006100519786457841326");
    }

    // ---------------------------------------------------------------- Turkish IBANs only

    @Test
    void shouldRefuseAValidGermanIbanAtItsFieldOnThePortal() throws Exception {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count();
        Map<String, String> values = PortalPagesTests.validValues();
        values.put("iban", GERMAN_IBAN);

        HttpResponse<String> page = postOnThePortal(values);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).containsPattern("id=\"f-iban-hata\"[^>]*>(<span[^>]*>[^<]*</span>)?IBAN[^<]* geçerli değil: "
            + "yalnızca Türkiye&#39;deki bir banka hesabının IBAN&#39;ı kabul edilir \\(TR ile başlayan 26 karakter\\)\\.");
        assertThat(page.body()).contains("href=\"#f-iban\"");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAValidGermanIbanAtItsFieldOverThePublicApi() {
        Map<String, Object> values = PublicApiTests.validExample(MICROCREDIT);
        values.put("iban", "DE89 3704 0044 0532 0130 00");

        ResponseEntity<String> refused = postJson("/api/public/applications/" + MICROCREDIT, values);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(errorsOf(read(refused.getBody()))).containsKey("iban");
        assertThat(errorsOf(read(refused.getBody())).get("iban")).contains("yalnızca Türkiye'deki bir banka hesabının IBAN'ı");
    }

    // ---------------------------------------------------------------- one open microcredit application per person

    @Test
    void shouldRefuseASecondOpenApplicationOfTheSamePersonOnThePortal() throws Exception {
        String tc = IdentityNumbers.randomTcKimlikNo();
        Map<String, String> first = PortalPagesTests.validValues();
        first.put("tcKimlikNo", tc);
        submitOnThePortal(first);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count();
        Map<String, String> second = PortalPagesTests.validValues();
        second.put("tcKimlikNo", tc.substring(0, 6) + " " + tc.substring(6));
        second.put("fullName", "Başka Bir Ad");

        HttpResponse<String> page = postOnThePortal(second);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).containsPattern("id=\"f-tcKimlikNo-hata\"[^>]*>(<span[^>]*>[^<]*</span>)?"
            + Pattern.quote(ALREADY_OPEN));
        // nothing about the first application: no tracking code, no status, no name
        assertThat(page.body()).doesNotContainPattern("MK-[0-9A-Z]{4}-[0-9A-Z]{4}").doesNotContain("Ayten Test Başvuran");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count()).isEqualTo(before);
        assertThat(openApplications(tc)).isEqualTo(1);
    }

    @Test
    void shouldRefuseASecondOpenApplicationOverThePublicApiAndAtATasklistStart() {
        String tc = IdentityNumbers.randomTcKimlikNo();
        Map<String, Object> values = PublicApiTests.validExample(MICROCREDIT);
        values.put("tcKimlikNo", tc);
        assertThat(postJson("/api/public/applications/" + MICROCREDIT, values).getStatusCode().value()).isEqualTo(201);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count();

        ResponseEntity<String> overApi = postJson("/api/public/applications/" + MICROCREDIT, values);
        ResponseEntity<String> inTasklist = startInTasklist(user(StaffGroup.IZGIM_OFFICERS), values);

        assertThat(overApi.getStatusCode().value()).isEqualTo(400);
        assertThat(errorsOf(read(overApi.getBody()))).containsOnlyKeys("tcKimlikNo");
        assertThat(errorsOf(read(overApi.getBody())).get("tcKimlikNo")).startsWith(ALREADY_OPEN);
        assertThat(inTasklist.getStatusCode().value()).as(inTasklist.getBody()).isEqualTo(400);
        JsonNode body = read(inTasklist.getBody());
        assertThat(body.path("type").asText()).isEqualTo("ValidationError");
        assertThat(errorsOf(body).get("tcKimlikNo")).startsWith(ALREADY_OPEN);
        assertThat(inTasklist.getBody()).doesNotContain("Exception", "uq_mc_application", "UQ_MC_APPLICATION");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MICROCREDIT).count()).isEqualTo(before);
        assertThat(openApplications(tc)).isEqualTo(1);
    }

    @Test
    void shouldAcceptANewApplicationOnceTheFirstIsDecided() {
        String tc = IdentityNumbers.randomTcKimlikNo();
        Map<String, Object> outsideIzmit = PublicApiTests.validExample(MICROCREDIT);
        outsideIzmit.put("tcKimlikNo", tc);
        outsideIzmit.put("district", "GEBZE");
        ResponseEntity<String> first = postJson("/api/public/applications/" + MICROCREDIT, outsideIzmit);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select status from mc_application where tracking_code = ?", String.class,
            read(first.getBody()).path("trackingCode").asText())).isEqualTo("INELIGIBLE");
        Map<String, Object> inIzmit = PublicApiTests.validExample(MICROCREDIT);
        inIzmit.put("tcKimlikNo", tc);

        ResponseEntity<String> second = postJson("/api/public/applications/" + MICROCREDIT, inIzmit);

        assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(201);
        assertThat(openApplications(tc)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    private long openApplications(String tc) {
        return jdbc.queryForObject("select count(*) from mc_application where open_tc_kimlik_no = ?", Long.class, tc);
    }

    private Map<String, Object> stored(String trackingCode) {
        return jdbc.queryForMap("select tc_kimlik_no, phone, iban from mc_application where tracking_code = ?", trackingCode);
    }

    private ResponseEntity<String> startInTasklist(String officer, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return rest.withBasicAuth(officer, PASSWORD).postForEntity(
            "/engine-rest/process-definition/key/" + MICROCREDIT + "/submit-form", json(Map.of("variables", variables)), String.class);
    }

    private ResponseEntity<String> postJson(String path, Map<String, Object> values) {
        return rest.postForEntity(path, json(values), String.class);
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Map<String, String> errorsOf(JsonNode body) {
        Map<String, String> errors = new HashMap<>();
        body.path("errors").forEach(error -> errors.put(error.path("field").asText(), error.path("message").asText()));
        return errors;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("no JSON: " + body, e);
        }
    }

    private String user(StaffGroup group) {
        String id = "input-rules-" + Long.toString(System.nanoTime(), 36);
        users.add(TestUsers.create(identityService, id, PASSWORD, group.id()));
        return id;
    }

    private String submitOnThePortal(Map<String, String> values) throws Exception {
        HttpResponse<String> response = postOnThePortal(values);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        Matcher location = LOCATION.matcher(response.headers().firstValue("Location").orElse(""));
        assertThat(location.find()).isTrue();
        return location.group(1);
    }

    private HttpResponse<String> postOnThePortal(Map<String, String> values) throws Exception {
        HttpResponse<String> form = get("/basvuru/" + MICROCREDIT, null);
        String cookie = form.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith(PortalSecurity.COOKIE + "="))
            .map(value -> value.substring(0, value.indexOf(';')))
            .findFirst().orElseThrow();
        Matcher token = HIDDEN_TOKEN.matcher(form.body());
        assertThat(token.find()).isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(values);
        withToken.put("_csrf", token.group(1));
        String body = withToken.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(uri("/basvuru/" + MICROCREDIT))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
