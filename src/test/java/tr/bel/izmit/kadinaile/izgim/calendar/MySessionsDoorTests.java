package tr.bel.izmit.kadinaile.izgim.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.notification.Addressee;
import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * The calendar's staff API through the door Tasklist's "Seanslarım" uses: the professional's own web app login (a
 * session from {@code POST /camunda/api/admin/auth/user/default/login/tasklist}), changes only with the web apps' CSRF
 * token, the same staff rules as with HTTP Basic (which stays stateless and needs no token); and {@code my-sessions}:
 * her own sessions of a period (a supervisor's: everyone's), what waits for a record, what she may do, a wrong period
 * refused in Turkish naming the field. Same Spring context as {@link CalendarDoorsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"app.demo.enabled=true", "app.demo.password=demo", "app.izgim.calendar.reminder-interval=PT24H",
        "app.izgim.calendar.reminder-initial-delay=PT24H"})
@ActiveProfiles("test")
@Import(CalendarTestConfiguration.class)
class MySessionsDoorTests {

    private static final String API = "/api/staff/izgim/calendar";
    private static final String PASSWORD = CalendarTestConfiguration.PASSWORD;
    private static final String PSYCHOLOGIST = CalendarTestConfiguration.PSYCHOLOGIST;
    private static final String CLIENT_NAME = "Kanarya Seansdanışanı";
    private static final String CLIENT_PHONE = "5559871234";

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
    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

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
    void shouldLetTheProfessionalReadHerSessionsWithHerTasklistLoginAndRecordOnlyWithTheWebAppsCsrfToken() {
        contacts.addressees.put("case-door", new Addressee(CLIENT_NAME, CLIENT_PHONE, null));
        List<BookedSession> series = series("case-door", "DN-DOOR-0001", PSYCHOLOGIST, CounsellingService.ADULT_PSYCHOLOGY);
        HttpHeaders session = WebappSessions.login(rest, "tasklist", PSYCHOLOGIST, PASSWORD);

        ResponseEntity<JsonNode> mine = get(session, API + "/my-sessions?from=2027-03-01&to=2027-03-20");
        assertThat(mine.getStatusCode().value()).as(String.valueOf(mine.getBody())).isEqualTo(200);
        JsonNode sessions = mine.getBody().path("sessions");
        assertThat(sessions).hasSize(3);
        JsonNode first = sessions.get(0);
        assertThat(first.path("id").asLong()).isEqualTo(series.get(0).id());
        assertThat(first.path("trackingCode").asText()).isEqualTo("DN-DOOR-0001");
        assertThat(first.path("serviceLabel").asText()).isEqualTo("Psikolojik danışmanlık (yetişkin)");
        assertThat(first.path("room").asText()).isEqualTo("Danışma Odası 1");
        assertThat(first.path("start").asText()).isEqualTo("2027-03-02T09:00:00");
        assertThat(first.path("statusLabel").asText()).isEqualTo("Planlandı");
        assertThat(first.path("begun").asBoolean()).isFalse();
        assertThat(first.path("mayRecord").asBoolean()).as("not begun yet").isFalse();
        assertThat(first.path("mayCancel").asBoolean()).isTrue();
        assertThat(mine.getBody().path("supervisor").asBoolean()).isFalse();
        assertThat(mine.getBody().toString()).doesNotContain(CLIENT_NAME, CLIENT_PHONE);
        assertThat(get(session, API + "/sessions?professional=" + PSYCHOLOGIST + "&from=2027-03-01&days=31").getBody())
            .as("the older calendar endpoint takes the session too").hasSize(3);

        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 2, 10, 0));
        String attendance = API + "/sessions/" + series.get(0).id() + "/attendance";
        HttpHeaders withoutToken = new HttpHeaders();
        withoutToken.addAll(session);
        withoutToken.remove("X-XSRF-TOKEN");
        ResponseEntity<JsonNode> forged = post(withoutToken, attendance, Map.of("status", "NO_SHOW"));
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody().path("message").asText()).contains("Güvenlik belirteci");
        HttpHeaders wrongToken = new HttpHeaders();
        wrongToken.addAll(withoutToken);
        wrongToken.add("X-XSRF-TOKEN", "not-the-sessions-token");
        assertThat(post(wrongToken, attendance, Map.of("status", "NO_SHOW")).getStatusCode().value()).isEqualTo(403);
        assertThat(status(series.get(0))).as("nothing changed without the token").isEqualTo("BOOKED");

        ResponseEntity<JsonNode> recorded = post(session, attendance, Map.of("status", "NO_SHOW"));
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(200);
        assertThat(status(series.get(0))).isEqualTo("NO_SHOW");
        assertThat(jdbc.queryForObject("select recorded_by from izg_session where id = ?", String.class, series.get(0).id()))
            .isEqualTo(PSYCHOLOGIST);

        // HTTP Basic as before: no token needed, no session kept; with an Authorization header the session is not used
        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 12, 10, 0));
        String second = API + "/sessions/" + series.get(1).id() + "/attendance";
        HttpHeaders sessionAndWrongPassword = new HttpHeaders();
        sessionAndWrongPassword.addAll(session);
        sessionAndWrongPassword.setBasicAuth(PSYCHOLOGIST, "wrong-password");
        assertThat(post(sessionAndWrongPassword, second, Map.of("status", "NO_SHOW")).getStatusCode().value()).isEqualTo(401);
        assertThat(status(series.get(1))).isEqualTo("BOOKED");
        ResponseEntity<JsonNode> byBasic = rest.withBasicAuth(PSYCHOLOGIST, PASSWORD)
            .postForEntity(second, json(new HttpHeaders(), Map.of("status", "NO_SHOW")), JsonNode.class);
        assertThat(byBasic.getStatusCode().value()).isEqualTo(200);
        assertThat(byBasic.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).as("HTTP Basic stays stateless").isEmpty();
        assertThat(recorder.events).containsExactly(new TwoNoShowsInARow("case-door"));

        // not logged in at all: 401 as before, also for a changing request
        assertThat(rest.postForEntity(API + "/sessions/" + series.get(2).id() + "/attendance",
            json(new HttpHeaders(), Map.of("status", "CANCELLED")), String.class).getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> challenged = rest.getForEntity(API + "/my-sessions", String.class);
        assertThat(challenged.getStatusCode().value()).isEqualTo(401);
        assertThat(challenged.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        // a page's script whose session has ended: 401 in Turkish, without the browser's password dialog
        HttpHeaders script = new HttpHeaders();
        script.add("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<JsonNode> ended = get(script, API + "/my-sessions");
        assertThat(ended.getStatusCode().value()).isEqualTo(401);
        assertThat(ended.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(ended.getBody().path("message").asText()).contains("Oturumunuz sona ermiş");
        assertThat(status(series.get(2))).isEqualTo("BOOKED");
    }

    @Test
    void shouldRefuseOtherServicesStaffWithTheSessionAsWithBasicAndChangeNothing() {
        List<BookedSession> series = series("case-foreign", "DN-FRGN-0001", PSYCHOLOGIST, CounsellingService.ADULT_PSYCHOLOGY);
        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 2, 10, 0));
        String attendance = API + "/sessions/" + series.get(0).id() + "/attendance";
        String calendarOf = API + "/sessions?professional=" + PSYCHOLOGIST + "&from=2027-03-01";

        // a course coordinator, a violence-line operator, a manager, the administrator
        Map<String, String> others = Map.of("burcu.yildiz", "demo", "merve.koc", "demo", "hatice.sahin", "demo", adminId, adminPassword);
        for (Map.Entry<String, String> user : others.entrySet()) {
            HttpHeaders session = WebappSessions.login(rest, "tasklist", user.getKey(), user.getValue());
            TestRestTemplate basic = rest.withBasicAuth(user.getKey(), user.getValue());
            assertThat(get(session, API + "/my-sessions").getStatusCode().value()).as(user.getKey()).isEqualTo(403);
            assertThat(basic.getForEntity(API + "/my-sessions", String.class).getStatusCode().value()).as(user.getKey()).isEqualTo(403);
            assertThat(get(session, calendarOf).getStatusCode().value()).as(user.getKey()).isEqualTo(403);
            assertThat(basic.getForEntity(calendarOf, String.class).getStatusCode().value()).as(user.getKey()).isEqualTo(403);
            ResponseEntity<JsonNode> bySession = post(session, attendance, Map.of("status", "NO_SHOW"));
            assertThat(bySession.getStatusCode().value()).as(user.getKey()).isEqualTo(403);
            assertThat(bySession.getBody().path("message").asText()).isEqualTo("Bu işlem için yetkiniz yok.");
            assertThat(basic.postForEntity(attendance, json(new HttpHeaders(), Map.of("status", "NO_SHOW")), String.class)
                .getStatusCode().value()).as(user.getKey()).isEqualTo(403);
        }

        // another psychologist: her own (empty) list, not her colleague's session
        HttpHeaders colleague = WebappSessions.login(rest, "tasklist", CalendarTestConfiguration.OTHER_PSYCHOLOGIST, PASSWORD);
        ResponseEntity<JsonNode> hers = get(colleague, API + "/my-sessions?from=2027-03-01");
        assertThat(hers.getStatusCode().value()).isEqualTo(200);
        assertThat(hers.getBody().path("sessions")).isEmpty();
        assertThat(get(colleague, API + "/my-sessions?professional=" + PSYCHOLOGIST).getStatusCode().value()).isEqualTo(403);
        assertThat(post(colleague, attendance, Map.of("status", "NO_SHOW")).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.withBasicAuth(CalendarTestConfiguration.OTHER_PSYCHOLOGIST, PASSWORD)
            .postForEntity(attendance, json(new HttpHeaders(), Map.of("status", "NO_SHOW")), String.class).getStatusCode().value())
            .isEqualTo(403);

        // the desk reads calendars (as with Basic) but has no sessions of its own and records no attendance
        HttpHeaders officer = WebappSessions.login(rest, "tasklist", CalendarTestConfiguration.OFFICER, PASSWORD);
        assertThat(get(officer, calendarOf).getStatusCode().value()).isEqualTo(200);
        assertThat(get(officer, API + "/my-sessions").getStatusCode().value()).isEqualTo(403);
        assertThat(post(officer, attendance, Map.of("status", "NO_SHOW")).getStatusCode().value()).isEqualTo(403);

        assertThat(status(series.get(0))).isEqualTo("BOOKED");
        assertThat(recorder.events).isEmpty();
    }

    @Test
    void shouldShowTheSupervisorEveryProfessionalsSessionsAndWhatWaitsForARecord() {
        List<BookedSession> psychology = series("case-sup-1", "DN-SUPV-0001", PSYCHOLOGIST, CounsellingService.ADULT_PSYCHOLOGY);
        List<BookedSession> diet = series("case-sup-2", "DN-SUPV-0002", CalendarTestConfiguration.DIETITIAN, CounsellingService.DIETITIAN);
        CalendarTestConfiguration.now(LocalDateTime.of(2027, 3, 3, 8, 30));

        HttpHeaders supervisor = WebappSessions.login(rest, "tasklist", CalendarTestConfiguration.SUPERVISOR, PASSWORD);
        ResponseEntity<JsonNode> all = get(supervisor, API + "/my-sessions");
        assertThat(all.getStatusCode().value()).isEqualTo(200);
        assertThat(all.getBody().path("supervisor").asBoolean()).isTrue();
        assertThat(all.getBody().path("today").asText()).isEqualTo("2027-03-03");
        assertThat(all.getBody().path("from").asText()).isEqualTo("2027-03-03");
        assertThat(all.getBody().path("to").asText()).isEqualTo("2027-03-17");
        // yesterday's two sessions wait for a record, for both professionals
        assertThat(all.getBody().path("awaitingRecord")).extracting(node -> node.path("id").asLong())
            .containsExactlyInAnyOrder(psychology.get(0).id(), diet.get(0).id());
        assertThat(all.getBody().path("awaitingRecord")).allSatisfy(node -> {
            assertThat(node.path("begun").asBoolean()).isTrue();
            assertThat(node.path("mayRecord").asBoolean()).isTrue();
        });
        assertThat(all.getBody().path("sessions")).extracting(node -> node.path("professionalId").asText())
            .contains(PSYCHOLOGIST, CalendarTestConfiguration.DIETITIAN);
        ResponseEntity<JsonNode> one = get(supervisor, API + "/my-sessions?professional=" + CalendarTestConfiguration.DIETITIAN);
        assertThat(one.getBody().path("sessions")).isNotEmpty()
            .allSatisfy(node -> assertThat(node.path("professionalId").asText()).isEqualTo(CalendarTestConfiguration.DIETITIAN));

        // the supervisor records yesterday's dietitian session with her session and the token
        ResponseEntity<JsonNode> recorded = post(supervisor, API + "/sessions/" + diet.get(0).id() + "/attendance",
            Map.of("status", "ATTENDED"));
        assertThat(recorded.getStatusCode().value()).isEqualTo(200);
        assertThat(status(diet.get(0))).isEqualTo("ATTENDED");
        assertThat(get(supervisor, API + "/my-sessions").getBody().path("awaitingRecord"))
            .extracting(node -> node.path("id").asLong()).containsExactly(psychology.get(0).id());

        // the psychologist sees her own only, the dietitian's never
        HttpHeaders psychologist = WebappSessions.login(rest, "tasklist", PSYCHOLOGIST, PASSWORD);
        ResponseEntity<JsonNode> own = get(psychologist, API + "/my-sessions");
        assertThat(own.getBody().path("awaitingRecord")).extracting(node -> node.path("id").asLong())
            .containsExactly(psychology.get(0).id());
        assertThat(own.getBody().path("sessions")).isNotEmpty()
            .allSatisfy(node -> assertThat(node.path("professionalId").asText()).isEqualTo(PSYCHOLOGIST));
        assertThat(get(psychologist, API + "/my-sessions?professional=" + CalendarTestConfiguration.DIETITIAN).getStatusCode().value())
            .isEqualTo(403);
    }

    @Test
    void shouldRefuseAWrongPeriodNamingTheFieldInTurkish() {
        HttpHeaders session = WebappSessions.login(rest, "tasklist", PSYCHOLOGIST, PASSWORD);

        assertField(get(session, API + "/my-sessions?from=yarin"), "from", "Başlangıç tarihi");
        assertField(get(session, API + "/my-sessions?from=2027-03-01&to=2027-13-01"), "to", "Bitiş tarihi");
        assertField(get(session, API + "/my-sessions?from=2027-03-10&to=2027-03-01"), "to", "önce olamaz");
        assertField(get(session, API + "/my-sessions?from=2027-03-01&to=2027-04-05"), "to", "en çok 31 gün");
        ResponseEntity<JsonNode> both = get(session, API + "/my-sessions?from=x&to=y");
        assertThat(both.getStatusCode().value()).isEqualTo(400);
        assertThat(both.getBody().path("errors")).extracting(node -> node.path("field").asText()).containsExactly("from", "to");
        assertField(rest.withBasicAuth(PSYCHOLOGIST, PASSWORD).getForEntity(API + "/my-sessions?from=2027-02-30", JsonNode.class),
            "from", "Başlangıç tarihi");

        ResponseEntity<JsonNode> longest = get(session, API + "/my-sessions?from=2027-03-01&to=2027-03-31");
        assertThat(longest.getStatusCode().value()).as("31 days are allowed").isEqualTo(200);
        assertThat(longest.getBody().path("to").asText()).isEqualTo("2027-03-31");
        ResponseEntity<JsonNode> defaults = get(session, API + "/my-sessions");
        assertThat(defaults.getBody().path("from").asText()).isEqualTo(LocalDate.of(2027, 3, 1).toString());
        assertThat(defaults.getBody().path("to").asText()).isEqualTo(LocalDate.of(2027, 3, 15).toString());
        assertThat(defaults.getBody().path("now").asText()).isEqualTo("2027-03-01T08:00:00");
    }

    private List<BookedSession> series(String caseKey, String trackingCode, String professional, CounsellingService service) {
        return calendar.bookSeries(caseKey, trackingCode, service, professional, 3, LocalDate.of(2027, 3, 2));
    }

    private String status(BookedSession session) {
        return jdbc.queryForObject("select status from izg_session where id = ?", String.class, session.id());
    }

    private static void assertField(ResponseEntity<JsonNode> response, String field, String text) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
        assertThat(response.getBody().path("errors")).hasSize(1);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(response.getBody().path("errors").get(0).path("message").asText()).contains(text);
    }

    private ResponseEntity<JsonNode> get(HttpHeaders session, String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(HttpHeaders session, String path, Map<String, ?> body) {
        return rest.exchange(path, HttpMethod.POST, json(session, body), JsonNode.class);
    }

    private static HttpEntity<Object> json(HttpHeaders session, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(session);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
