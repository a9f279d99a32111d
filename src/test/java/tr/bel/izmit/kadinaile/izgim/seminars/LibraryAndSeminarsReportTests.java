package tr.bel.izmit.kadinaile.izgim.seminars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * The library's and the seminars' figures after a known mix of March 2018 went through the real doors (the library
 * desk's staff API, the portal's registration and cancellation, the attendance): the activity report, the dashboard's
 * JSON and the manager's /yonetim page (her web-app session) show exactly what was played, with units. Same context
 * as {@code courses.CoursesApiTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo", "app.portal.rate-limit.capacity=1000",
    "app.portal.status-response-floor=PT0.05S"})
@ActiveProfiles("test")
@SuppressWarnings({"unchecked", "rawtypes"})
class LibraryAndSeminarsReportTests {

    private static final String LIBRARY = "/api/staff/izgim/library";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void setUp() {
        SeminarTestSupport.users(identityService);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldReportExactlyTheVisitorsChildrenSeminarsAndParticipantsThatWerePlayed() throws Exception {
        SeminarTestSupport portal = new SeminarTestSupport(port);
        // seminars: one online in March (capacity 2, three register, one of the seats cancels), one in April
        SeminarTestSupport.at(LocalDateTime.of(2018, 2, 20, 10, 0));
        long march = SeminarTestSupport.createSeminar(rest, "Mart Raporu Semineri", LocalDateTime.of(2018, 3, 15, 14, 0),
            "https://toplanti.example.org/mart-raporu", 2);
        long april = SeminarTestSupport.createSeminar(rest, "Nisan Raporu Semineri", LocalDateTime.of(2018, 4, 5, 14, 0), null, 10);
        portal.register(march, "Nur Birinci", "05321230001", "");
        String cancels = SeminarTestSupport.code(portal.register(march, "Oya İkinci", "05321230002", ""));
        portal.register(march, "Pınar Üçüncü", "05321230003", "");
        portal.cancel(cancels);
        portal.register(april, "Rana Nisan", "05321230004", "");

        // the library: three children registered on 2 March, two visits of registered children (one recorded twice),
        // anonymous visitors 7 and 5; in April one more child and one more visit
        SeminarTestSupport.at(LocalDateTime.of(2018, 3, 2, 10, 0));
        String first = register("Sarp");
        String second = register("Tuna");
        register("Umay");
        visit(first);
        visit(first);
        SeminarTestSupport.at(LocalDateTime.of(2018, 3, 3, 10, 0));
        visit(second);
        anonymous(7);
        SeminarTestSupport.at(LocalDateTime.of(2018, 3, 4, 10, 0));
        anonymous(5);
        SeminarTestSupport.at(LocalDateTime.of(2018, 4, 2, 10, 0));
        register("Vera");
        visit(first);

        // after the March seminar: Nur attended, Pınar (moved up from the line) did not
        SeminarTestSupport.at(LocalDateTime.of(2018, 3, 15, 17, 0));
        List<Map> registrations = rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD)
            .getForObject("/api/staff/izgim/seminars/" + march + "/registrations", List.class);
        attendance(march, registrations, "Nur Birinci", true);
        attendance(march, registrations, "Pınar Üçüncü", false);
        ClockUtil.reset();

        JsonNode report = rest.withBasicAuth(SeminarTestSupport.MANAGER, SeminarTestSupport.PASSWORD)
            .getForObject("/api/reports/activity?from=2018-03-01&to=2018-03-31", JsonNode.class);
        assertFigures(report.path("izgimLibrary"), 14, 2, 3, 3, 1, 1, 2, 1);
        JsonNode april2018 = rest.withBasicAuth(SeminarTestSupport.MANAGER, SeminarTestSupport.PASSWORD)
            .getForObject("/api/reports/activity?from=2018-04-01&to=2018-04-30", JsonNode.class);
        assertFigures(april2018.path("izgimLibrary"), 1, 1, 1, 4, 1, 0, 1, 0);

        JsonNode dashboard = rest.withBasicAuth(SeminarTestSupport.MANAGER, SeminarTestSupport.PASSWORD)
            .getForObject("/api/staff/dashboard?period=custom&from=2018-03-01&to=2018-03-31", JsonNode.class);
        assertFigures(dashboard.path("sections").path("izgimLibrary"), 14, 2, 3, 3, 1, 1, 2, 1);

        String cookie = WebappSessions.login(rest, "welcome", SeminarTestSupport.MANAGER, SeminarTestSupport.PASSWORD)
            .getFirst(HttpHeaders.COOKIE);
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        ResponseEntity<String> page = rest.exchange("/yonetim?period=custom&from=2018-03-01&to=2018-03-31", HttpMethod.GET,
            new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        String table = page.getBody().substring(page.getBody().indexOf("id=\"bolum-izgimLibrary\""));
        table = table.substring(0, table.indexOf("</section>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
        assertThat(table).contains("İZGİM çocuk kütüphanesi ve seminerler", "Kütüphane ziyaretçisi (adet) 14",
            "Dönemde kayıt olan çocuk (adet) 3", "Seminer ve atölye (adet) 1", "Seminer katılımcısı (adet) 1")
            .doesNotContain("Sarp", "Nur Birinci");
    }

    private static void assertFigures(JsonNode figures, long visitors, long childVisits, long children, long childrenTotal,
            long seminars, long online, long registrations, long participants) {
        assertThat(figures.path("libraryVisitors").asLong()).as(figures.toString()).isEqualTo(visitors);
        assertThat(figures.path("childVisits").asLong()).as(figures.toString()).isEqualTo(childVisits);
        assertThat(figures.path("registeredChildren").asLong()).as(figures.toString()).isEqualTo(children);
        assertThat(figures.path("registeredChildrenTotal").asLong()).as(figures.toString()).isEqualTo(childrenTotal);
        assertThat(figures.path("seminars").asLong()).as(figures.toString()).isEqualTo(seminars);
        assertThat(figures.path("onlineSeminars").asLong()).as(figures.toString()).isEqualTo(online);
        assertThat(figures.path("seminarRegistrations").asLong()).as(figures.toString()).isEqualTo(registrations);
        assertThat(figures.path("seminarParticipants").asLong()).as(figures.toString()).isEqualTo(participants);
    }

    private String register(String firstName) {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("firstName", firstName);
        child.put("birthYear", 2012);
        child.put("parentName", "Veli " + firstName);
        child.put("parentPhone", "05334440000");
        child.put("consent", true);
        ResponseEntity<Map> created = officer().postForEntity(LIBRARY + "/children", child, Map.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("cardNumber");
    }

    private void visit(String card) {
        assertThat(officer().postForEntity(LIBRARY + "/visits", Map.of("cardNumber", card), Map.class).getStatusCode().is2xxSuccessful())
            .isTrue();
    }

    private void anonymous(int visitors) {
        assertThat(officer().postForEntity(LIBRARY + "/anonymous-visits", Map.of("visitors", visitors), Map.class).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
    }

    private void attendance(long seminar, List<Map> registrations, String name, boolean attended) {
        Map registration = registrations.stream().filter(r -> name.equals(r.get("fullName"))).findFirst().orElseThrow();
        ResponseEntity<Map> recorded = officer().exchange("/api/staff/izgim/seminars/" + seminar + "/registrations/"
            + registration.get("id") + "/attendance", HttpMethod.PUT, new HttpEntity<>(Map.of("attended", attended)), Map.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private TestRestTemplate officer() {
        return rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD);
    }
}
