package tr.bel.izmit.kadinaile.izgim.seminars;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Seminars through the doors people use: the citizen registers on the portal (its CSRF token, its error summary in
 * Turkish naming the field), the capacity fills and the line forms first come first served, a cancellation by code
 * gives the seat to the first in line and tells her, the staff record attendance through the staff API, and the
 * link job sends an online seminar's link to the seats before the start and to nobody else, with no person in the
 * log. Same context as {@code courses.CoursesApiTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo", "app.portal.rate-limit.capacity=1000",
    "app.portal.status-response-floor=PT0.05S"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings({"unchecked", "rawtypes"})
class SeminarsTests {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SeminarLinkSender linkSender;
    @Autowired
    FilterChainProxy security;

    private SeminarTestSupport portal;

    @BeforeEach
    void setUp() {
        SeminarTestSupport.users(identityService);
        portal = new SeminarTestSupport(port);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void shouldGiveSeatsFirstComeFirstServedThenALineAndMoveTheFirstUpWhenASeatIsCancelled() throws Exception {
        long seminar = SeminarTestSupport.createSeminar(rest, "Bekleme Listesi Semineri", LocalDateTime.now().plusDays(7), null, 2);

        HttpResponse<String> first = portal.register(seminar, "Aylin Birinci", "0532 111 22 33", "");
        HttpResponse<String> second = portal.register(seminar, "Berna İkinci", "", "berna@example.org");
        HttpResponse<String> third = portal.register(seminar, "Cemile Üçüncü", "05321112235", "");
        HttpResponse<String> fourth = portal.register(seminar, "Dilek Dördüncü", "05321112236", "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Kaydınız alındı", "Yeriniz ayrıldı");
        assertThat(second.body()).contains("Kaydınız alındı", "Yeriniz ayrıldı");
        assertThat(third.body()).contains("Yedek listeye alındınız", "Yedek listede 1. sıradasınız")
            .doesNotContain("Kaydınız alındı", "Yeriniz ayrıldı");
        assertThat(fourth.body()).contains("Yedek listede 2. sıradasınız");
        assertThat(statuses(seminar)).containsExactly("Aylin Birinci|CONFIRMED", "Berna İkinci|CONFIRMED",
            "Cemile Üçüncü|WAITING", "Dilek Dördüncü|WAITING");
        // the phone is stored normalised; the list of the portal shows the line
        assertThat(jdbc.queryForObject("select phone from izs_registration where full_name = 'Aylin Birinci'", String.class))
            .isEqualTo("5321112233");
        assertThat(portal.get("/basvuru/seminerler").body()).contains("Bekleme Listesi Semineri",
            "Kontenjan doldu; yedek listede 2 kişi var.", "Yedek listeye yazıl");
        // each was told: a seat with her code, or her place in line
        assertThat(outbox("izs-registered:" + SeminarTestSupport.code(third) + ":sms")).contains("yedek listede 1. sıradasınız");
        assertThat(outbox("izs-registered:" + SeminarTestSupport.code(second) + ":email")).contains("kaydınız alındı");

        // the second cancels: Cemile, first in line, gets the seat and is told; Dilek moves up to first in line
        HttpResponse<String> cancelled = portal.cancel(SeminarTestSupport.code(second));
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("Kaydınız iptal edildi");
        assertThat(statuses(seminar)).containsExactly("Aylin Birinci|CONFIRMED", "Cemile Üçüncü|CONFIRMED",
            "Dilek Dördüncü|WAITING", "Berna İkinci|CANCELLED");
        assertThat(outbox("izs-moved-up:" + SeminarTestSupport.code(third) + ":sms")).contains("yer açıldı", "kesinleşti");
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Integer.class,
            "izs-moved-up:" + SeminarTestSupport.code(fourth) + "%")).isZero();
        // a code cancelled or unknown: refused, nothing changes
        HttpResponse<String> again = portal.cancel(SeminarTestSupport.code(second));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("Bu kayıt koduyla iptal edilecek bir kayıt bulunamadı.");
        // a waiting registrant cancels: nobody moves
        portal.cancel(SeminarTestSupport.code(fourth));
        assertThat(statuses(seminar)).containsExactly("Aylin Birinci|CONFIRMED", "Cemile Üçüncü|CONFIRMED",
            "Berna İkinci|CANCELLED", "Dilek Dördüncü|CANCELLED");
    }

    @Test
    void shouldRefuseABadRegistrationNamingTheFieldInTurkishAndAPostWithoutTheToken() throws Exception {
        long seminar = SeminarTestSupport.createSeminar(rest, "Hatalı Kayıt Semineri", LocalDateTime.now().plusDays(7), null, 5);

        HttpResponse<String> noName = portal.register(seminar, "", "123", "posta-degil");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("Lütfen aşağıdaki bilgileri düzeltin",
            "<a href=\"#fullName\">Adınızı ve soyadınızı yazın (en fazla 120 karakter).</a>",
            "<a href=\"#phone\">Cep telefonu 05XX XXX XX XX biçiminde olmalıdır.</a>",
            "<a href=\"#email\">E-posta adresi ad@ornek.com biçiminde olmalıdır.</a>", "value=\"posta-degil\"", "novalidate");
        HttpResponse<String> noContact = portal.register(seminar, "Fadime Test", "", "");
        assertThat(noContact.statusCode()).isEqualTo(400);
        assertThat(noContact.body()).contains("<a href=\"#phone\">Cep telefonu ya da e-posta adresinden en az birini yazın.</a>");
        portal.register(seminar, "Fadime Test", "05329998877", "");
        HttpResponse<String> twice = portal.register(seminar, "Fadime Test", "0532 999 88 77", "");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Bu seminere bu iletişim bilgisiyle zaten kayıtlısınız.");
        assertThat(statuses(seminar)).containsExactly("Fadime Test|CONFIRMED");

        // without the portal's CSRF token: refused before anything is read
        HttpResponse<String> forged = portal.post("/basvuru/seminerler/" + seminar, null,
            Map.of("fullName", "Sahte Kayıt", "phone", "05321110000", "email", ""));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(statuses(seminar)).hasSize(1);
        // the registration pages are served by the portal's chain: its CSRF check and its rate limit on every POST
        assertThat(chainFilters("POST", "/basvuru/seminerler/" + seminar)).contains("CsrfFilter", "RateLimitFilter");
        assertThat(chainFilters("POST", "/basvuru/seminerler/iptal")).contains("CsrfFilter", "RateLimitFilter");
        // the online link never shows on the portal
        long online = SeminarTestSupport.createSeminar(rest, "Gizli Bağlantılı Seminer", LocalDateTime.now().plusDays(9),
            "https://toplanti.example.org/gizli-baglanti-123", 5);
        assertThat(portal.get("/basvuru/seminerler").body()).contains("Gizli Bağlantılı Seminer").doesNotContain("gizli-baglanti-123");
        assertThat(portal.get("/basvuru/seminerler/" + online).body()).contains("Çevrimiçi").doesNotContain("gizli-baglanti-123");
    }

    @Test
    void shouldSendTheOnlineLinkBeforeTheStartToTheSeatsOnlyOnceAndLogNoPerson(CapturedOutput output) throws Exception {
        SeminarTestSupport.at(LocalDateTime.of(2019, 5, 1, 9, 0));
        long online = SeminarTestSupport.createSeminar(rest, "Bağlantı Semineri", LocalDateTime.of(2019, 5, 10, 10, 0),
            "https://toplanti.example.org/baglanti-semineri", 2);
        long inPerson = SeminarTestSupport.createSeminar(rest, "Salon Semineri", LocalDateTime.of(2019, 5, 10, 10, 0), null, 2);
        String seat = SeminarTestSupport.code(portal.register(online, "Gülay Bağlantı", "05327770001", "gulay@example.org"));
        String cancelled = SeminarTestSupport.code(portal.register(online, "Hülya İptal", "05327770002", ""));
        String waiting = SeminarTestSupport.code(portal.register(online, "İpek Bekleyen", "05327770003", ""));
        portal.cancel(cancelled);
        String late = SeminarTestSupport.code(portal.register(online, "Jale Geç", "05327770004", ""));
        portal.register(inPerson, "Kader Salon", "05327770005", "");
        // İpek took the freed seat, Jale waits
        assertThat(statuses(online)).containsExactly("Gülay Bağlantı|CONFIRMED", "İpek Bekleyen|CONFIRMED", "Jale Geç|WAITING",
            "Hülya İptal|CANCELLED");

        // two days before: too early
        SeminarTestSupport.at(LocalDateTime.of(2019, 5, 8, 10, 0));
        linkSender.sendDueLinks();
        assertThat(links()).isEmpty();

        // the day before: the two seats get the link, by SMS and, where she gave one, by e-mail
        SeminarTestSupport.at(LocalDateTime.of(2019, 5, 9, 12, 0));
        linkSender.sendDueLinks();
        assertThat(links()).containsExactlyInAnyOrder("izs-link:" + seat + ":sms", "izs-link:" + seat + ":email",
            "izs-link:" + waiting + ":sms");
        assertThat(outbox("izs-link:" + seat + ":sms")).contains("Bağlantı Semineri", "10.05.2019 10:00",
            "https://toplanti.example.org/baglanti-semineri");
        assertThat(linkSender.sendDueLinks()).isZero();
        assertThat(links()).hasSize(3);
        assertThat(output.getAll()).doesNotContain("Gülay", "İpek Bekleyen", "5327770001", "gulay@example.org",
            "baglanti-semineri");

        // after the start: nothing more, not even for a late seat
        SeminarTestSupport.at(LocalDateTime.of(2019, 5, 10, 10, 30));
        assertThat(linkSender.sendDueLinks()).isZero();
        assertThat(late).isNotNull();
    }

    @Test
    void shouldLetOnlyIzgimOfficersRecordAttendanceOfTheSeatsAfterTheStart() throws Exception {
        SeminarTestSupport.at(LocalDateTime.of(2019, 9, 1, 9, 0));
        long seminar = SeminarTestSupport.createSeminar(rest, "Katılım Semineri", LocalDateTime.of(2019, 9, 5, 14, 0), null, 1);
        portal.register(seminar, "Lale Katılan", "05326660001", "");
        portal.register(seminar, "Melek Bekleyen", "05326660002", "");
        List<Map> registrations = rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD)
            .getForObject("/api/staff/izgim/seminars/" + seminar + "/registrations", List.class);
        long seat = ((Number) registrations.get(0).get("id")).longValue();
        long line = ((Number) registrations.get(1).get("id")).longValue();
        String attendance = "/api/staff/izgim/seminars/" + seminar + "/registrations/";

        ResponseEntity<Map> early = put(SeminarTestSupport.OFFICER, attendance + seat + "/attendance", Map.of("attended", true));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(early.getBody().toString()).contains("Seminer başlamadan katılım kaydedilemez.");

        SeminarTestSupport.at(LocalDateTime.of(2019, 9, 5, 16, 0));
        assertThat(put(SeminarTestSupport.OFFICER, attendance + seat + "/attendance", Map.of("attended", true)).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> waiting = put(SeminarTestSupport.OFFICER, attendance + line + "/attendance", Map.of("attended", true));
        assertThat(waiting.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(waiting.getBody().toString()).contains("registrationId", "yeri kesinleşmiş");
        assertThat(jdbc.queryForList("select attended from izs_registration where seminar_id = ? order by id", Boolean.class, seminar))
            .containsExactly(true, null);

        // the staff doors: İZGİM officers only
        for (String path : List.of("/api/staff/izgim/seminars", "/api/staff/izgim/seminars/" + seminar + "/registrations")) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String other : List.of(SeminarTestSupport.MANAGER, SeminarTestSupport.PSYCHOLOGIST)) {
                ResponseEntity<String> refused = rest.withBasicAuth(other, SeminarTestSupport.PASSWORD).getForEntity(path, String.class);
                assertThat(refused.getStatusCode()).as(other + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(refused.getBody()).as(other + " " + path).doesNotContain("Lale", "0532");
            }
            assertThat(rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD).getForEntity(path, String.class)
                .getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
        assertThat(put(SeminarTestSupport.MANAGER, attendance + seat + "/attendance", Map.of("attended", false)).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(SeminarTestSupport.PSYCHOLOGIST, SeminarTestSupport.PASSWORD)
            .postForEntity("/api/staff/izgim/seminars", Map.of("title", "x"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> invalid = rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD)
            .postForEntity("/api/staff/izgim/seminars", Map.of("title", "Yersiz Seminer", "capacity", 0), Map.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().toString()).contains("startsAt", "endsAt", "place", "capacity",
            "Yer ya da çevrimiçi bağlantı belirtilmelidir.");
    }

    // ---------------------------------------------------------------- helpers

    private List<String> statuses(long seminar) {
        return rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD)
            .getForObject("/api/staff/izgim/seminars/" + seminar + "/registrations", List.class).stream()
            .map(r -> ((Map) r).get("fullName") + "|" + ((Map) r).get("status")).toList();
    }

    private String outbox(String dedupKey) {
        List<String> bodies = jdbc.queryForList("select body from notification_outbox where dedup_key = ?", String.class, dedupKey);
        assertThat(bodies).as(dedupKey).hasSize(1);
        return bodies.get(0);
    }

    private List<String> links() {
        return jdbc.queryForList("select o.dedup_key from notification_outbox o where o.dedup_key like 'izs-link:%' and exists "
            + "(select 1 from izs_registration r join izs_seminar s on s.id = r.seminar_id where s.title = 'Bağlantı Semineri' "
            + "and o.dedup_key like 'izs-link:' || r.code || ':%')", String.class);
    }

    private ResponseEntity<Map> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, SeminarTestSupport.PASSWORD).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }

    private List<String> chainFilters(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        SecurityFilterChain chain = security.getFilterChains().stream().filter(c -> c.matches(request)).findFirst().orElseThrow();
        return chain.getFilters().stream().map(filter -> filter.getClass().getSimpleName()).toList();
    }
}
