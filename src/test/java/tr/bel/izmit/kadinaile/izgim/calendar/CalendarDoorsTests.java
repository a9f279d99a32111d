package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.notification.Addressee;

/**
 * The calendar through the doors people use: the staff API with HTTP Basic (attendance by the session's own
 * professional or a supervisor only, the events it publishes, cancellation, closures) and the client's portal page
 * with her tracking code (CSRF, cancel up to 24 hours before, move to a free slot, Turkish errors, the rate limit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class CalendarDoorsTests {

    private static final String API = "/api/staff/izgim/calendar";
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private static final String PASSWORD = CalendarTestConfiguration.PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    SessionCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    CalendarTestConfiguration.FakeCaseContacts contacts;
    @Autowired
    CalendarTestConfiguration.EventRecorder recorder;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void setUp() {
        CalendarTestConfiguration.reset(jdbc, identityService);
        recorder.events.clear();
        CalendarTestConfiguration.now(SessionCalendarTests.NOW);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldLetOnlyTheSessionsProfessionalOrASupervisorRecordAttendanceAndPublishTheEvents() {
        List<BookedSession> series = calendar.bookSeries("case-att", "DN-ATT0-0001", CounsellingService.ADULT_PSYCHOLOGY,
            CalendarTestConfiguration.PSYCHOLOGIST, 3, LocalDate.of(2027, 3, 2));
        assertThat(series).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 2, 9, 0),
            LocalDateTime.of(2027, 3, 12, 9, 0), LocalDateTime.of(2027, 3, 19, 9, 0));
        String first = API + "/sessions/" + series.get(0).id() + "/attendance";

        assertThat(attendance(null, first, "ATTENDED").getStatusCode().value()).isEqualTo(401);
        assertThat(attendance(CalendarTestConfiguration.OFFICER, first, "ATTENDED").getStatusCode().value())
            .as("the desk does not record attendance").isEqualTo(403);
        assertThat(attendance("hatice.sahin", first, "ATTENDED").getStatusCode().value()).as("a manager").isEqualTo(403);
        assertThat(attendance(CalendarTestConfiguration.OTHER_PSYCHOLOGIST, first, "ATTENDED").getStatusCode().value())
            .as("another psychologist").isEqualTo(403);
        ResponseEntity<JsonNode> early = attendance(CalendarTestConfiguration.PSYCHOLOGIST, first, "ATTENDED");
        assertThat(early.getStatusCode().value()).as("before the session began").isEqualTo(409);
        assertThat(early.getBody().path("message").asText()).contains("henüz başlamadı");
        assertThat(attendance(CalendarTestConfiguration.PSYCHOLOGIST, first, "CAME").getStatusCode().value()).isEqualTo(400);

        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 19, 10, 0));
        assertThat(attendance(CalendarTestConfiguration.PSYCHOLOGIST, first, "NO_SHOW").getBody().path("status").asText())
            .isEqualTo("NO_SHOW");
        assertThat(recorder.events).isEmpty();
        assertThat(attendance(CalendarTestConfiguration.PSYCHOLOGIST, first, "ATTENDED").getStatusCode().value())
            .as("recorded before").isEqualTo(409);
        ResponseEntity<JsonNode> second = attendance(CalendarTestConfiguration.SUPERVISOR,
            API + "/sessions/" + series.get(1).id() + "/attendance", "NO_SHOW");
        assertThat(second.getStatusCode().value()).as("the supervisor").isEqualTo(200);
        assertThat(recorder.events).containsExactly(new TwoNoShowsInARow("case-att"));

        assertThat(attendance(CalendarTestConfiguration.PSYCHOLOGIST, API + "/sessions/" + series.get(2).id() + "/attendance",
            "ATTENDED").getStatusCode().value()).isEqualTo(200);
        assertThat(recorder.events).containsExactly(new TwoNoShowsInARow("case-att"), new SeriesFinished("case-att"));
        assertThat(attendance(CalendarTestConfiguration.PSYCHOLOGIST, API + "/sessions/999999/attendance", "ATTENDED")
            .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldShowAProfessionalHerOwnCalendarAndLetStaffCancelAndCloseDays() {
        contacts.addressees.put("case-staff", new Addressee("Test Danışan", "5557778899", null));
        BookedSession session = calendar.bookSeries("case-staff", null, CounsellingService.DIETITIAN, CalendarTestConfiguration.DIETITIAN,
            1, LocalDate.of(2027, 3, 2)).get(0);
        String sessions = API + "/sessions?professional=" + CalendarTestConfiguration.DIETITIAN + "&from=2027-03-01";

        ResponseEntity<JsonNode> own = rest.withBasicAuth(CalendarTestConfiguration.DIETITIAN, PASSWORD).getForEntity(sessions, JsonNode.class);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getBody()).hasSize(1);
        assertThat(own.getBody().get(0).path("caseKey").asText()).isEqualTo("case-staff");
        assertThat(own.getBody().get(0).path("room").asText()).isEqualTo("Diyetisyen Odası");
        assertThat(own.getBody().toString()).doesNotContain("5557778899", "Test Danışan");
        assertThat(rest.withBasicAuth(CalendarTestConfiguration.PSYCHOLOGIST, PASSWORD).getForEntity(sessions, String.class)
            .getStatusCode().value()).as("someone else's calendar").isEqualTo(403);
        assertThat(rest.withBasicAuth(CalendarTestConfiguration.OFFICER, PASSWORD).getForEntity(sessions, String.class)
            .getStatusCode().value()).isEqualTo(200);
        assertThat(rest.withBasicAuth("ayse.yilmaz", "demo").getForEntity(sessions, String.class).getStatusCode().value())
            .as("an officer of the desk").isEqualTo(200);
        assertThat(rest.withBasicAuth("fatma.kaya", "demo").getForEntity(sessions, String.class).getStatusCode().value())
            .as("not İZGİM's counselling staff").isEqualTo(403);

        ResponseEntity<JsonNode> cancelled = rest.withBasicAuth(CalendarTestConfiguration.OFFICER, PASSWORD)
            .postForEntity(API + "/sessions/" + session.id() + "/cancellation", null, JsonNode.class);
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        assertThat(cancelled.getBody().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select recipient from notification_outbox where dedup_key = ?", String.class,
            "izgim-cancelled:" + session.id())).isEqualTo("5557778899");
        assertThat(rest.withBasicAuth(CalendarTestConfiguration.OFFICER, PASSWORD)
            .postForEntity(API + "/sessions/" + session.id() + "/cancellation", null, JsonNode.class).getStatusCode().value())
            .isEqualTo(409);

        // the centre closes on 2 March: the next booking of that professional starts on the 3rd
        assertThat(json(CalendarTestConfiguration.PSYCHOLOGIST, API + "/closures", Map.of("date", "2027-03-02", "name", "Eğitim"))
            .getStatusCode().value()).isEqualTo(403);
        assertThat(json(CalendarTestConfiguration.SUPERVISOR, API + "/closures", Map.of("name", "")).getStatusCode().value())
            .isEqualTo(400);
        assertThat(json(CalendarTestConfiguration.SUPERVISOR, API + "/closures", Map.of("date", "2027-03-02", "name", "Hizmet içi eğitim"))
            .getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> free = rest.withBasicAuth(CalendarTestConfiguration.DIETITIAN, PASSWORD)
            .getForEntity(API + "/free-slots?professional=" + CalendarTestConfiguration.DIETITIAN + "&service=DIETITIAN&limit=2",
                JsonNode.class);
        assertThat(free.getBody().get(0).asText()).isEqualTo("2027-03-03T09:00:00");
        assertThat(free.getBody().get(1).asText()).isEqualTo("2027-03-03T10:00:00");
    }

    @Test
    void shouldLetTheClientCancelOrMoveHerSessionWithHerTrackingCodeOnThePortal() throws Exception {
        List<BookedSession> series = calendar.bookSeries("case-portal", "DN-PRTL-0001", CounsellingService.FAMILY_PSYCHOLOGY,
            CalendarTestConfiguration.PSYCHOLOGIST, 2, LocalDate.of(2027, 3, 2));
        assertThat(series).extracting(BookedSession::start).containsExactly(LocalDateTime.of(2027, 3, 2, 9, 0),
            LocalDateTime.of(2027, 3, 12, 9, 0));
        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 1, 10, 0));

        HttpResponse<String> form = get("/basvuru/randevu", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("PORTAL_CSRF="))
            .map(value -> value.substring(0, value.indexOf(';'))).findFirst().orElseThrow();
        Matcher token = HIDDEN_TOKEN.matcher(form.body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1);

        assertThat(post("/basvuru/randevu", null, Map.of("kod", "DN-PRTL-0001")).statusCode()).as("without the token").isEqualTo(403);

        HttpResponse<String> unknown = post("/basvuru/randevu", cookie, Map.of("_csrf", csrf, "kod", "DN-0000-9999"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Bu takip koduyla randevu bulunamadı");

        HttpResponse<String> mine = post("/basvuru/randevu", cookie, Map.of("_csrf", csrf, "kod", "dn-prtl-0001 "));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("02.03.2027", "12.03.2027", "Psikolojik danışmanlık (aile)", "Danışma Odası 1",
            "Bu randevuyu iptal et");
        assertThat(mine.body()).as("the first is 23 hours away: no longer hers to change").containsOnlyOnce("Bu randevuyu iptal et");

        HttpResponse<String> tooLate = post("/basvuru/randevu/iptal", cookie,
            Map.of("_csrf", csrf, "kod", "DN-PRTL-0001", "oturum", String.valueOf(series.get(0).id())));
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("24 saatten az kaldığı için");

        HttpResponse<String> moved = post("/basvuru/randevu/degistir", cookie, Map.of("_csrf", csrf, "kod", "DN-PRTL-0001",
            "oturum", String.valueOf(series.get(1).id()), "yeni", "2027-03-03T11:00"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.body()).contains("Randevunuz 03.03.2027 saat 11:00 olarak değiştirildi.");
        assertThat(jdbc.queryForObject("select status from izg_session where id = ?", String.class, series.get(1).id()))
            .isEqualTo("CANCELLED");
        long movedId = jdbc.queryForObject("select id from izg_session where case_key = 'case-portal' and status = 'BOOKED' "
            + "and slot_start = ?", Long.class, java.sql.Timestamp.valueOf(LocalDateTime.of(2027, 3, 3, 11, 0)));

        HttpResponse<String> taken = post("/basvuru/randevu/degistir", cookie, Map.of("_csrf", csrf, "kod", "DN-PRTL-0001",
            "oturum", String.valueOf(movedId), "yeni", "2027-03-02T09:00"));
        assertThat(taken.statusCode()).as("her own first session holds that hour").isEqualTo(409);
        assertThat(taken.body()).contains("Seçtiğiniz saat artık boş değil");

        HttpResponse<String> cancelled = post("/basvuru/randevu/iptal", cookie,
            Map.of("_csrf", csrf, "kod", "DN-PRTL-0001", "oturum", String.valueOf(movedId)));
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("Randevunuz iptal edildi.");
        assertThat(post("/basvuru/randevu/iptal", cookie, Map.of("_csrf", csrf, "kod", "DN-0000-9999", "oturum",
            String.valueOf(series.get(0).id()))).statusCode()).as("someone else's code").isEqualTo(404);

        // the portal's rate limit counts these pages' posts too
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = post("/basvuru/randevu", cookie, Map.of("_csrf", csrf, "kod", "DN-PRTL-0001")).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    private ResponseEntity<JsonNode> attendance(String user, String path, String status) {
        return json(user, path, Map.of("status", status));
    }

    private ResponseEntity<JsonNode> json(String user, String path, Map<String, ?> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate caller = user == null ? rest : rest.withBasicAuth(user, user.contains(".") && !user.startsWith("test.")
            ? "demo" : PASSWORD);
        return caller.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
