package tr.bel.izmit.kadinaile.izgim.seminars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tr.bel.izmit.kadinaile.common.ClockConfiguration;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.izgim.IzgimGroups;
import tr.bel.izmit.kadinaile.support.TestUsers;

/** The citizen's portal form with its CSRF token, the staff's users, and the engine's clock for the seminars' tests. */
public final class SeminarTestSupport {

    public static final String PASSWORD = "izgim-test";
    public static final String OFFICER = "izgim.memur.test";
    public static final String MANAGER = "izgim.yonetici.test";
    public static final String PSYCHOLOGIST = "izgim.psikolog.test";
    static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    static final Pattern CODE = Pattern.compile("SM-[0-9A-Z]{4}-[0-9A-Z]{4}");

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    public SeminarTestSupport(int port) {
        this.port = port;
    }

    public static void users(IdentityService identityService) {
        // the professional groups come with the counselling process's identity contribution; until it is merged the
        // test makes the one it uses, so that a psychologist is a real member of her group when she is refused
        if (identityService.createGroupQuery().groupId(IzgimGroups.PSYCHOLOGISTS.id()).count() == 0) {
            org.camunda.bpm.engine.identity.Group group = identityService.newGroup(IzgimGroups.PSYCHOLOGISTS.id());
            group.setName(IzgimGroups.PSYCHOLOGISTS.displayName());
            identityService.saveGroup(group);
        }
        user(identityService, OFFICER, StaffGroup.IZGIM_OFFICERS.id());
        user(identityService, MANAGER, StaffGroup.MANAGERS.id());
        user(identityService, PSYCHOLOGIST, IzgimGroups.PSYCHOLOGISTS.id());
    }

    private static void user(IdentityService identityService, String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            TestUsers.create(identityService, id, PASSWORD, group);
        }
    }

    /** Moves the engine's clock (and with it the application's) to a Turkish local time. */
    public static void at(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ClockConfiguration.ISTANBUL).toInstant()));
    }

    /** Creates a seminar through the staff API as an İZGİM officer; returns its id. */
    @SuppressWarnings("rawtypes")
    public static long createSeminar(TestRestTemplate rest, String title, LocalDateTime startsAt, String onlineLink, int capacity) {
        Map<String, Object> seminar = new LinkedHashMap<>();
        seminar.put("kind", "SEMINAR");
        seminar.put("title", title);
        seminar.put("startsAt", startsAt.toString());
        seminar.put("endsAt", startsAt.plusMinutes(90).toString());
        seminar.put("place", onlineLink == null ? "İZGİM Seminer Salonu" : null);
        seminar.put("onlineLink", onlineLink);
        seminar.put("capacity", capacity);
        ResponseEntity<Map> created = rest.withBasicAuth(OFFICER, PASSWORD).postForEntity("/api/staff/izgim/seminars", seminar, Map.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    /** The registration form's page: the portal's CSRF cookie and the same token in the form. */
    record Session(String cookie, String token) {
    }

    Session openForm(long seminarId) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/basvuru/seminerler/" + seminarId);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("PORTAL_CSRF="))
            .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = HIDDEN_TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        return new Session(cookie, token.group(1));
    }

    /** Registers on the portal as a browser does (GET the form, POST it with the token); returns the answer page. */
    HttpResponse<String> register(long seminarId, String fullName, String phone, String email) throws IOException, InterruptedException {
        Session session = openForm(seminarId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", session.token());
        form.put("fullName", fullName);
        form.put("phone", phone);
        form.put("email", email);
        return post("/basvuru/seminerler/" + seminarId, session.cookie(), form);
    }

    /** The registration code on an answer page. */
    static String code(HttpResponse<String> page) {
        Matcher code = CODE.matcher(page.body());
        assertThat(code.find()).as(page.body()).isTrue();
        return code.group();
    }

    HttpResponse<String> cancel(String code) throws IOException, InterruptedException {
        HttpResponse<String> list = get("/basvuru/seminerler");
        String cookie = list.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("PORTAL_CSRF="))
            .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = HIDDEN_TOKEN.matcher(list.body());
        assertThat(token.find()).isTrue();
        return post("/basvuru/seminerler/iptal", cookie, Map.of("_csrf", token.group(1), "code", code));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
