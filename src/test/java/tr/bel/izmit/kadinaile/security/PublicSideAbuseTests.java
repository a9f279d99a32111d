package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_OPERATORS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.portal.PublicApiTests;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.support.WebappSessions;
import tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution;

/**
 * Abuse of the public side (issue "Insiders", findings 9 and 11), replayed over HTTP against a running server that
 * sits behind a trusted reverse proxy on 127.0.0.1 ({@code TRUSTED_PROXIES=127.0.0.1}): each test plays its clients
 * with their own {@code X-Forwarded-For} address, as the proxy would name them. (Without a trusted proxy the header is
 * ignored: {@link UntrustedForwardedHeadersTests}, {@code portal.RateLimitTests}.) Small budgets, so that a few
 * requests reach them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.security.trusted-proxies=127.0.0.1, ::1",
    "app.portal.rate-limit.capacity=3", "app.portal.rate-limit.period=PT1H",
    "app.portal.rate-limit.lookup-capacity=4", "app.portal.rate-limit.withdrawal-capacity=3",
    "app.security.login-throttle.user-capacity=3", "app.security.login-throttle.address-capacity=8",
    "app.portal.status-response-floor=PT0S"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class PublicSideAbuseTests {

    private static final String PASSWORD = "Abuse-Test-Password-5";
    private static final String MICROCREDIT = "microcredit-application";
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    private final List<String> createdUsers = new ArrayList<>();

    @AfterEach
    void removeUsers() {
        createdUsers.forEach(identityService::deleteUser);
    }

    // ---------------------------------------------------------------- finding 9: the proxy's word, and only its

    @Test
    void shouldCountEachClientNamedByTheTrustedProxyAndNotWhatTheClientWroteItself() {
        String client = "203.0.113.10";
        for (int i = 0; i < 3; i++) {
            // what the client wrote itself stands left of what the proxy appended; it changes nothing
            assertThat(submit(client(("198.51.100." + i) + ", " + client)).getStatusCode().value()).isEqualTo(201);
        }
        ResponseEntity<Map> fourth = submit(client("198.51.100.99, " + client));
        ResponseEntity<Map> neighbour = submit(client("203.0.113.11"));

        assertThat(fourth.getStatusCode().value()).isEqualTo(429);
        assertThat(fourth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat(neighbour.getStatusCode().value()).as("another client behind the same proxy").isEqualTo(201);
    }

    @Test
    void shouldSendHstsAndSecureCookiesBehindATrustedTlsProxy() {
        HttpHeaders forwarded = client("203.0.113.12");
        forwarded.add("X-Forwarded-Proto", "https");

        ResponseEntity<String> portalOverTls = rest.exchange("/basvuru", HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
        ResponseEntity<String> webappOverTls = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
            new HttpEntity<>(forwarded), String.class);
        ResponseEntity<String> plain = rest.exchange("/basvuru", HttpMethod.GET, new HttpEntity<>(client("203.0.113.12")), String.class);

        assertThat(portalOverTls.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(portalOverTls.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("PORTAL_CSRF=").contains("Secure"));
        assertThat(webappOverTls.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(webappOverTls.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).isNotEmpty()
            .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite"))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
        assertThat(webappOverTls.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
            .contains("object-src 'none'");
        assertThat(plain.getHeaders().getFirst("Strict-Transport-Security")).isNull();
    }

    // ---------------------------------------------------------------- finding 11: status lookups and withdrawals

    @Test
    void shouldStopSomeoneTryingTrackingCodesButNeverTheApplicantCheckingHerOwn() {
        String applicant = "203.0.113.20";
        String code = trackingCode(applicant);
        for (int i = 0; i < 10; i++) {
            assertThat(rest.exchange("/api/public/applications/" + code, HttpMethod.GET, new HttpEntity<>(client(applicant)),
                Map.class).getStatusCode().value()).as("her own code, lookup %d", i + 1).isEqualTo(200);
        }

        HttpHeaders enumerator = client("203.0.113.21");
        for (int i = 0; i < 4; i++) {
            assertThat(rest.exchange("/api/public/applications/MK-0000-000" + i, HttpMethod.GET, new HttpEntity<>(enumerator),
                Map.class).getStatusCode().value()).isEqualTo(404);
        }
        ResponseEntity<Map> api = rest.exchange("/api/public/applications/" + code, HttpMethod.GET,
            new HttpEntity<>(enumerator), Map.class);
        ResponseEntity<String> page = rest.exchange("/basvuru/durum", HttpMethod.POST,
            portalForm(enumerator, "203.0.113.21", "kod=" + code), String.class);

        assertThat(api.getStatusCode().value()).as("even a code that exists").isEqualTo(429);
        assertThat(api.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat((String) api.getBody().get("message")).contains("çok fazla bilinmeyen takip kodu");
        assertThat(api.getBody().toString()).doesNotContain("withdrawable", code);
        assertThat(page.getStatusCode().value()).as("the portal's status page shares the budget").isEqualTo(429);
        assertThat(page.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat(page.getBody()).contains("Çok fazla istek", "bilinmeyen takip kodu").doesNotContain(code);
    }

    @Test
    void shouldLimitWithdrawalAttempts() {
        HttpHeaders guesser = client("203.0.113.30");
        guesser.setContentType(MediaType.APPLICATION_JSON);
        for (int i = 0; i < 3; i++) {
            assertThat(rest.exchange("/api/public/applications/MK-0000-001" + i + "/withdrawal", HttpMethod.POST,
                new HttpEntity<>("{}", guesser), Map.class).getStatusCode().value()).isEqualTo(404);
        }
        ResponseEntity<Map> fourth = rest.exchange("/api/public/applications/MK-0000-0019/withdrawal", HttpMethod.POST,
            new HttpEntity<>("{}", guesser), Map.class);

        assertThat(fourth.getStatusCode().value()).isEqualTo(429);
        assertThat(fourth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat((String) fourth.getBody().get("message")).contains("çok fazla geri çekme");
    }

    @Test
    void shouldRefuseACrossSiteFormPostOfTheWithdrawalAndAcceptJson() {
        String applicant = "203.0.113.31";
        String code = trackingCode(applicant);
        String withdrawal = "/api/public/applications/" + code + "/withdrawal";

        // what a page on another site can make her browser send without asking (no CORS preflight)
        for (MediaType simple : List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN)) {
            HttpHeaders headers = client(applicant);
            headers.setContentType(simple);
            ResponseEntity<String> refused = rest.exchange(withdrawal, HttpMethod.POST, new HttpEntity<>("a=b", headers), String.class);
            assertThat(refused.getStatusCode().value()).as(simple.toString()).isEqualTo(415);
            assertThat(refused.getBody()).contains("Content-Type", "application/json", "yalnızca");
        }
        HttpHeaders multipart = client(applicant);
        multipart.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=x");
        assertThat(rest.exchange(withdrawal, HttpMethod.POST,
            new HttpEntity<>("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", multipart), String.class)
            .getStatusCode().value()).as("multipart").isEqualTo(415);
        assertThat(rest.exchange(withdrawal, HttpMethod.POST, new HttpEntity<>(client(applicant)), String.class)
            .getStatusCode().value()).as("no body, no type").isEqualTo(415);
        assertThat(status(applicant, code)).containsEntry("finished", false).containsEntry("withdrawable", true);

        HttpHeaders json = client(applicant);
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> withdrawn = rest.exchange(withdrawal, HttpMethod.POST, new HttpEntity<>("{}", json), Map.class);
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
        assertThat(status(applicant, code)).containsEntry("finished", true);
    }

    @Test
    void shouldWithdrawFromThePortalPageOnlyWithItsCsrfToken() {
        String applicant = "203.0.113.32";
        String code = trackingCode(applicant);
        HttpHeaders browser = client(applicant);

        HttpHeaders noToken = client(applicant);
        noToken.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> crossSite = rest.exchange("/basvuru/durum/geri-cek", HttpMethod.POST,
            new HttpEntity<>("kod=" + code, noToken), String.class);
        assertThat(crossSite.getStatusCode().value()).isEqualTo(403);
        assertThat(status(applicant, code)).containsEntry("finished", false);

        ResponseEntity<String> ownPage = rest.exchange("/basvuru/durum/geri-cek", HttpMethod.POST,
            portalForm(browser, applicant, "kod=" + code + "&onay=evet"), String.class);
        assertThat(ownPage.getStatusCode().value()).isEqualTo(200);
        assertThat(ownPage.getBody()).contains("Başvurunuz geri çekildi");
        assertThat(status(applicant, code)).containsEntry("finished", true);
    }

    // ---------------------------------------------------------------- finding 11: failed logins

    @Test
    void shouldSlowDownAStrangerWithoutLockingTheOperatorOut(CapturedOutput output) {
        String operator = user("abuse-operator", VIOLENCE_LINE_OPERATORS);

        // four strangers, three failures each: more than the engine's former lockout (10)
        for (int stranger = 0; stranger < 4; stranger++) {
            HttpHeaders from = client("198.51.100." + (40 + stranger));
            for (int i = 0; i < 3; i++) {
                assertThat(WebappSessions.attempt(rest, "tasklist", operator, "wrong-" + i, from).getStatusCode().value())
                    .isEqualTo(401);
            }
            ResponseEntity<String> throttled = WebappSessions.attempt(rest, "tasklist", operator, PASSWORD, from);
            assertThat(throttled.getStatusCode().value()).as("even with the right password, from the stranger's address")
                .isEqualTo(429);
            assertThat(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
            assertThat(throttled.getBody()).contains("Çok fazla başarısız giriş denemesi");
        }

        HttpHeaders own = client("203.0.113.40");
        assertThat(WebappSessions.attempt(rest, "tasklist", operator, PASSWORD, own).getStatusCode().value())
            .as("the operator from her own address, right away").isEqualTo(200);
        assertThat(rest.withBasicAuth(operator, PASSWORD).exchange("/engine-rest/user/" + operator + "/profile",
            HttpMethod.GET, new HttpEntity<>(own), String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(output.getOut()).contains("Login failed: user=" + operator + " via=web app tasklist from=198.51.100.40")
            .contains("Login succeeded: user=" + operator + " via=web app tasklist from=203.0.113.40");
    }

    @Test
    void shouldThrottleHttpBasicGuessesOnTheEngineAndStaffApisBySource() {
        String officer = user("abuse-officer", StaffGroup.IZGIM_OFFICERS);
        HttpHeaders stranger = client("198.51.100.50");

        for (int i = 0; i < 3; i++) {
            assertThat(rest.withBasicAuth(officer, "wrong-" + i).exchange("/engine-rest/task/count", HttpMethod.GET,
                new HttpEntity<>(stranger), String.class).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> staffApi = rest.withBasicAuth(officer, "wrong-3").exchange("/api/staff/courses",
            HttpMethod.GET, new HttpEntity<>(stranger), String.class);
        ResponseEntity<String> engineApi = rest.withBasicAuth(officer, "wrong-4").exchange("/engine-rest/task/count",
            HttpMethod.GET, new HttpEntity<>(stranger), String.class);

        assertThat(staffApi.getStatusCode().value()).isEqualTo(429);
        assertThat(staffApi.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat(staffApi.getBody()).contains("Çok fazla başarısız giriş denemesi");
        assertThat(engineApi.getStatusCode().value()).isEqualTo(429);
        assertThat(rest.withBasicAuth(officer, PASSWORD).exchange("/engine-rest/task/count", HttpMethod.GET,
            new HttpEntity<>(client("203.0.113.50")), String.class).getStatusCode().value())
            .as("the officer from her own address").isEqualTo(200);
    }

    @Test
    void shouldThrottleAnAdministratorGuessingAPasswordThroughIdentityVerify() {
        // only who may read users (the administrators) may ask the engine whether a password is right; an officer
        // gets 403 and her question does not count
        String officer = user("abuse-insider", StaffGroup.IZGIM_OFFICERS);
        String victim = user("abuse-victim", VIOLENCE_LINE_OPERATORS);
        HttpHeaders from = client("198.51.100.70");
        from.setContentType(MediaType.APPLICATION_JSON);
        for (int i = 0; i < 4; i++) {
            assertThat(rest.withBasicAuth(officer, PASSWORD).exchange("/engine-rest/identity/verify", HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"" + victim + "\",\"password\":\"x\"}", from), String.class)
                .getStatusCode().value()).isEqualTo(403);
        }

        for (int i = 0; i < 3; i++) {
            ResponseEntity<String> answer = rest.withBasicAuth(adminId, adminPassword).exchange("/engine-rest/identity/verify",
                HttpMethod.POST, new HttpEntity<>("{\"username\":\"" + victim + "\",\"password\":\"guess-" + i + "\"}", from),
                String.class);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody()).contains("\"authenticated\":false");
        }
        ResponseEntity<String> fourth = rest.withBasicAuth(adminId, adminPassword).exchange("/engine-rest/identity/verify",
            HttpMethod.POST, new HttpEntity<>("{\"username\":\"" + victim + "\",\"password\":\"" + PASSWORD + "\"}", from),
            String.class);

        assertThat(fourth.getStatusCode().value()).isEqualTo(429);
        assertThat(fourth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat(WebappSessions.attempt(rest, "tasklist", victim, PASSWORD, client("203.0.113.70")).getStatusCode().value())
            .as("the victim from her own address").isEqualTo(200);
    }

    @Test
    void shouldThrottleOneAddressTryingManyUsers() {
        HttpHeaders sprayer = client("198.51.100.60");
        for (int i = 0; i < 8; i++) {
            assertThat(rest.withBasicAuth("abuse-nobody-" + i, "Sommer2024!").exchange("/engine-rest/task/count",
                HttpMethod.GET, new HttpEntity<>(sprayer), String.class).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> ninth = WebappSessions.attempt(rest, "cockpit", "abuse-nobody-9", "Sommer2024!", sprayer);

        assertThat(ninth.getStatusCode().value()).isEqualTo(429);
        assertThat(ninth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
    }

    // ---------------------------------------------------------------- helpers

    /** Headers of a request the trusted proxy forwards for the client(s) named. */
    private static HttpHeaders client(String forwardedFor) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", forwardedFor);
        return headers;
    }

    private ResponseEntity<Map> submit(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange("/api/public/applications/" + MICROCREDIT, HttpMethod.POST,
            new HttpEntity<>(PublicApiTests.validExample(MICROCREDIT), headers), Map.class);
    }

    private String trackingCode(String client) {
        ResponseEntity<Map> created = submit(client(client));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (String) created.getBody().get("trackingCode");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String client, String code) {
        ResponseEntity<Map> status = rest.exchange("/api/public/applications/" + code, HttpMethod.GET,
            new HttpEntity<>(client(client)), Map.class);
        assertThat(status.getStatusCode().value()).isEqualTo(200);
        return status.getBody();
    }

    /** A form of the portal's status page as the browser posts it: with the page's CSRF cookie and hidden token. */
    private HttpEntity<String> portalForm(HttpHeaders base, String client, String form) {
        ResponseEntity<String> page = rest.exchange("/basvuru/durum", HttpMethod.GET, new HttpEntity<>(client(client)), String.class);
        Matcher token = HIDDEN_TOKEN.matcher(page.getBody());
        assertThat(token.find()).as("the status page's CSRF token").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(base);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .filter(cookie -> cookie.startsWith("PORTAL_CSRF=")).findFirst().orElseThrow().split(";", 2)[0]);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(form + "&_csrf=" + token.group(1), headers);
    }

    private String user(String id, StaffGroup group) {
        createdUsers.add(id);
        return TestUsers.create(identityService, id, PASSWORD, group.id());
    }
}
