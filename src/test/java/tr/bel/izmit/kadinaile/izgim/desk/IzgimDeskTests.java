package tr.bel.izmit.kadinaile.izgim.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.CounsellingCipher;
import tr.bel.izmit.kadinaile.izgim.seminars.SeminarTestSupport;

/**
 * İZGİM's desk pages through the door officers use: logged in to Tasklist (the web apps' session), each change a form
 * posted with the page's CSRF token, answered by a redirect and a message. The library (a child registered with her
 * parent's consent, her card opened, her visits and the day's anonymous visitors, her data encrypted in the table)
 * and the seminars (a new seminar, registrations from the portal, the line moving up after a cancellation, attendance
 * after the start); every refused form in Turkish at its field with nothing written; the door closed to every other
 * group, to the administrator, to HTTP Basic and to a change without the token. Same context as
 * {@code courses.CoursesApiTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo", "app.portal.rate-limit.capacity=1000",
    "app.portal.status-response-floor=PT0.05S"})
@ActiveProfiles("test")
class IzgimDeskTests {

    static final String OFFICER = "ayse.yilmaz";
    static final String PASSWORD = "demo";
    private static final Pattern CARD = Pattern.compile("Üyelik kartı numarası: (KK-[0-9A-Z]{4}-[0-9A-Z]{4})");
    private static final String LIBRARY = "/izgim/kutuphane";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CounsellingCipher cipher;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------ the library

    @Test
    void shouldRegisterAChildShowHerNameOnlyOnTheOpenedCardAndKeepItEncrypted() {
        DeskSession officer = officer();
        HttpResponse<String> page = officer.get(LIBRARY);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"tr\"", "name=\"viewport\"", "<label for=\"kayit-firstName\">",
            "Açık rıza metni (sürüm 2026-1)");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("no-store");

        HttpResponse<String> registered = officer.submit(LIBRARY, LIBRARY + "/cocuk",
            child("Nehircan", String.valueOf(LocalDate.now().getYear() - 7), "Gülten Masaoğlu", "0533 444 55 61", true));
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(DeskSession.location(registered)).isEqualTo(LIBRARY);
        HttpResponse<String> shown = officer.follow(registered);
        Matcher card = CARD.matcher(shown.body());
        assertThat(card.find()).as(shown.body()).isTrue();
        String cardNumber = card.group(1);
        assertThat(shown.body()).contains("Çocuk kaydedildi.", "Nehircan", "Gülten Masaoğlu", "0533 444 55 61");

        // the table holds the child's data encrypted with İZGİM's key; the card number in clear
        Map<String, Object> row = jdbc.queryForMap("select first_name, birth_year, parent_name, parent_phone, registered_by "
            + "from izl_child where card_number = ?", cardNumber);
        assertThat(row.values().toString()).doesNotContain("Nehircan", "Masaoğlu", "5334445561");
        assertThat(cipher.decrypt((String) row.get("first_name"))).isEqualTo("Nehircan");
        assertThat(cipher.decrypt((String) row.get("parent_phone"))).isEqualTo("5334445561");
        assertThat(cipher.decrypt((String) row.get("birth_year"))).isEqualTo(String.valueOf(LocalDate.now().getYear() - 7));
        assertThat(row.get("registered_by")).isEqualTo(OFFICER);
        // the staff API still finds her by card number
        assertThat(rest.withBasicAuth(OFFICER, PASSWORD).getForObject("/api/staff/izgim/library/children/" + cardNumber, String.class))
            .contains("\"firstName\":\"Nehircan\"");

        // a reload closes the card: no name on the page
        assertThat(officer.get(LIBRARY).body()).doesNotContain("Nehircan", "Gülten Masaoğlu");

        // her visit, from the page's visit form; once a day
        int childVisits = figure(officer.get(LIBRARY).body(), "childVisits");
        HttpResponse<String> visited = officer.follow(officer.submit(LIBRARY, LIBRARY + "/ziyaret", Map.of("cardNumber",
            cardNumber.toLowerCase(), "day", "")));
        assertThat(visited.body()).contains("Ziyaret kaydedildi.", "Bugünkü ziyareti kaydedildi.", "Nehircan");
        assertThat(figure(visited.body(), "childVisits")).isEqualTo(childVisits + 1);
        HttpResponse<String> again = officer.follow(officer.submit(LIBRARY, LIBRARY + "/ziyaret", Map.of("cardNumber", cardNumber)));
        assertThat(again.body()).contains("Bu çocuğun bugünkü ziyareti daha önce kaydedilmişti.");
        assertThat(jdbc.queryForObject("select count(*) from izl_visit v join izl_child c on c.id = v.child_id where c.card_number = ?",
            Integer.class, cardNumber)).isEqualTo(1);

        // the day's anonymous visitors add up; today's list shows counts, no names
        int anonymous = figure(officer.get(LIBRARY).body(), "anonymous");
        HttpResponse<String> counted = officer.follow(officer.submit(LIBRARY, LIBRARY + "/anonim", Map.of("visitors", "7", "day", "")));
        assertThat(counted.body()).contains("Ziyaretçi sayısı kaydedildi.", "Anonim ziyaretçi").doesNotContain("Nehircan");
        assertThat(figure(counted.body(), "anonymous")).isEqualTo(anonymous + 7);

        // found again by her card number
        HttpResponse<String> found = officer.follow(officer.submit(LIBRARY, LIBRARY + "/kart", Map.of("cardNumber", cardNumber)));
        assertThat(found.body()).contains("Nehircan", cardNumber);
        HttpResponse<String> unknown = officer.submit(LIBRARY, LIBRARY + "/kart", Map.of("cardNumber", "KK-0000-0000"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"bul-cardNumber-hata\"", "Bu kart numarasıyla kayıtlı çocuk bulunamadı.",
            "<a href=\"#bul-cardNumber\">");
    }

    @Test
    void shouldRefuseWrongInputInTurkishAtItsFieldWithA4xxAndWriteNothing() {
        DeskSession officer = officer();
        int children = count("izl_child");
        int visits = count("izl_visit");
        int seminars = count("izs_seminar");

        HttpResponse<String> refused = officer.submit(LIBRARY, LIBRARY + "/cocuk", child("", "iki bin", "Veli Deneme", "123", false));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Lütfen aşağıdaki bilgileri düzeltin. Hiçbir şey kaydedilmedi.",
            "<p class=\"field-error\" id=\"kayit-firstName-hata\">Çocuğun adı zorunludur.</p>",
            "id=\"kayit-birthYear-hata\">Doğum yılı", "id=\"kayit-parentPhone-hata\">Velinin cep telefonu 05XX XXX XX XX",
            "id=\"kayit-consent-hata\">Velinin açık rızası alınmadan çocuk kaydedilemez.", "aria-invalid=\"true\"",
            "value=\"Veli Deneme\"", "value=\"iki bin\"");
        assertThat(refused.body()).doesNotContain("kayit-parentName-hata");

        HttpResponse<String> noVisitors = officer.submit(LIBRARY, LIBRARY + "/anonim", Map.of("visitors", "0", "day", ""));
        assertThat(noVisitors.statusCode()).isEqualTo(400);
        assertThat(noVisitors.body()).contains("id=\"anonim-visitors-hata\">Ziyaretçi sayısı 1 ile 500 arasında olmalıdır.");
        HttpResponse<String> badDay = officer.submit(LIBRARY, LIBRARY + "/anonim", Map.of("visitors", "3", "day", "31.02.2026"));
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("id=\"anonim-day-hata\">Gün GG.AA.YYYY biçiminde bir tarih olmalıdır.");
        HttpResponse<String> future = officer.submit(LIBRARY, LIBRARY + "/anonim",
            Map.of("visitors", "3", "day", LocalDate.now().plusDays(3).toString()));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("id=\"anonim-day-hata\">Ziyaret günü bugünden sonra olamaz.");
        HttpResponse<String> noCard = officer.submit(LIBRARY, LIBRARY + "/ziyaret", Map.of("cardNumber", "KK-0000-0000"));
        assertThat(noCard.statusCode()).isEqualTo(400);
        assertThat(noCard.body()).contains("id=\"ziyaret-cardNumber-hata\">Bu kart numarasıyla kayıtlı çocuk bulunamadı.");

        HttpResponse<String> noSeminar = officer.submit("/izgim/seminerler/yeni", "/izgim/seminerler", Map.of("kind", "SEMINAR",
            "title", "", "startsAt", "yarın", "endsAt", "", "place", "", "onlineLink", "http://duz-baglanti", "capacity", "0"));
        assertThat(noSeminar.statusCode()).isEqualTo(400);
        assertThat(noSeminar.body()).contains("id=\"seminer-title-hata\">Seminerin adı zorunludur",
            "id=\"seminer-startsAt-hata\">Başlangıç tarihi ve saati zorunludur.", "id=\"seminer-endsAt-hata\">",
            "id=\"seminer-onlineLink-hata\">Çevrimiçi bağlantı https:// ile başlamalıdır.",
            "id=\"seminer-capacity-hata\">Kontenjan 1 ile 10.000 arasında olmalıdır.", "value=\"yarın\"");
        HttpResponse<String> noPlace = officer.submit("/izgim/seminerler/yeni", "/izgim/seminerler", Map.of("title", "Yersiz Seminer",
            "startsAt", "2031-01-10T14:00", "endsAt", "2031-01-10T13:00", "capacity", "10"));
        assertThat(noPlace.statusCode()).isEqualTo(400);
        assertThat(noPlace.body()).contains("id=\"seminer-place-hata\">Yer ya da çevrimiçi bağlantı belirtilmelidir.",
            "id=\"seminer-endsAt-hata\">Bitiş saati başlangıçtan sonra olmalıdır.");
        assertThat(officer.get("/izgim/seminerler/999999").statusCode()).isEqualTo(404);

        assertThat(count("izl_child")).isEqualTo(children);
        assertThat(count("izl_visit")).isEqualTo(visits);
        assertThat(count("izs_seminar")).isEqualTo(seminars);
    }

    // ------------------------------------------------------------------ the seminars

    @Test
    void shouldCreateASeminarMoveTheLineUpOnACancellationAndRecordAttendanceAfterTheStart() throws Exception {
        SeminarTestSupport.at(LocalDateTime.of(2019, 10, 1, 9, 0));
        DeskSession officer = officer();
        HttpResponse<String> created = officer.submit("/izgim/seminerler/yeni", "/izgim/seminerler", Map.of("kind", "WORKSHOP",
            "title", "Masa Atölyesi", "partner", "", "startsAt", "2019-10-02T14:00", "endsAt", "2019-10-02T15:30",
            "place", "İZGİM Seminer Salonu", "onlineLink", "", "capacity", "1"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String seminarPage = DeskSession.location(created);
        assertThat(seminarPage).matches("/izgim/seminerler/[0-9]+");
        long seminar = Long.parseLong(seminarPage.substring(seminarPage.lastIndexOf('/') + 1));
        HttpResponse<String> shown = officer.follow(created);
        assertThat(shown.body()).contains("Seminer oluşturuldu.", "Masa Atölyesi", "Atölye", "02.10.2019 14:00–15:30",
            "0 / 1 yer dolu; yedek listede 0 kişi", "Katılım, seminer başladıktan sonra kaydedilebilir.");
        assertThat(officer.get("/izgim/seminerler").body()).contains("Masa Atölyesi");

        // two citizens register on the portal: one seat, one in line
        portalRegistration(seminar, "Aylin Masa", "05327771001");
        portalRegistration(seminar, "Berna Masa", "05327771002");
        HttpResponse<String> registrations = officer.get(seminarPage);
        assertThat(registrations.body()).contains("Yeri kesinleşenler (1)", "Yedek liste (1)", "Aylin Masa", "0532 777 10 01",
            "Berna Masa");
        long aylin = registrationId(seminar, "Aylin Masa");
        long berna = registrationId(seminar, "Berna Masa");

        // attendance before the start: refused at her row, nothing written
        HttpResponse<String> early = officer.submit(seminarPage, seminarPage + "/kayitlar/" + aylin + "/katilim", Map.of("attended", "true"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("id=\"kayit-" + aylin + "-hata\">Seminer başlamadan katılım kaydedilemez.");

        // Aylin's seat is cancelled at the desk: Berna, first in line, gets it and is told
        HttpResponse<String> cancelled = officer.follow(officer.submit(seminarPage, seminarPage + "/kayitlar/" + aylin + "/iptal", Map.of()));
        assertThat(cancelled.body()).contains("Yedek listedeki ilk kişi boşalan yeri aldı", "Yeri kesinleşenler (1)", "Yedek liste (0)",
            "İptal edilen kayıt: 1");
        assertThat(status(aylin)).isEqualTo("CANCELLED");
        assertThat(status(berna)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like 'izs-moved-up:%' and body like ?",
            Integer.class, "%Masa Atölyesi%")).isEqualTo(1);
        HttpResponse<String> twice = officer.submit(seminarPage, seminarPage + "/kayitlar/" + aylin + "/iptal", Map.of());
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Bu kayıt daha önce iptal edilmişti.");

        // after the start: Berna attended
        SeminarTestSupport.at(LocalDateTime.of(2019, 10, 2, 16, 0));
        HttpResponse<String> attended = officer.follow(officer.submit(seminarPage, seminarPage + "/kayitlar/" + berna + "/katilim",
            Map.of("attended", "true")));
        assertThat(attended.body()).contains("Katılım kaydedildi: katıldı.", "1 kişi katıldı", "Katıldı");
        assertThat(jdbc.queryForObject("select attended from izs_registration where id = ?", Boolean.class, berna)).isTrue();
        assertThat(officer.get("/izgim/seminerler").body()).contains("Geçmiş", "Masa Atölyesi");
    }

    // ------------------------------------------------------------------ the door

    @Test
    void shouldOpenTheDeskToIzgimOfficersOnly() {
        HttpResponse<String> anonymous = DeskSession.anonymous(port).get("/izgim");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("<html lang=\"tr\"", "Oturum açmanız gerekiyor", "href=\"/camunda/app/tasklist/\"");

        for (String[] other : List.of(new String[] {"hatice.sahin", PASSWORD}, new String[] {"zeynep.aksoy", PASSWORD},
                new String[] {"admin", "test-only-Admin-Password-1"})) {
            DeskSession session = DeskSession.loggedIn(rest, port, other[0], other[1]);
            for (String path : List.of("/izgim", LIBRARY, "/izgim/seminerler", "/izgim/seminerler/yeni")) {
                HttpResponse<String> refused = session.get(path);
                assertThat(refused.statusCode()).as(other[0] + " " + path).isEqualTo(403);
                assertThat(refused.body()).as(other[0] + " " + path).contains("Yetkiniz yok",
                    "İZGİM masası yalnızca İZGİM Memurları grubundaki kullanıcılara açıktır.");
            }
            assertThat(session.head("/izgim").statusCode()).as("the Tasklist link's question, " + other[0]).isEqualTo(403);
            assertThat(session.post(LIBRARY + "/anonim", Map.of("visitors", "3")).statusCode()).isEqualTo(403);
        }
        // HTTP Basic is no door to the pages, not even for an officer
        assertThat(rest.withBasicAuth(OFFICER, PASSWORD).getForEntity("/izgim", String.class).getStatusCode().value()).isEqualTo(401);
        // the officer: the pages, and the answer the Tasklist link asks for
        DeskSession officer = officer();
        assertThat(officer.head("/izgim").statusCode()).isEqualTo(200);
        assertThat(officer.get("/izgim").body()).contains("İZGİM masası", "href=\"/izgim/kutuphane\"", "href=\"/izgim/seminerler\"");
    }

    @Test
    void shouldRefuseAChangeWithoutTheFormsCsrfTokenAndWriteNothing() {
        DeskSession officer = officer();
        int children = count("izl_child");
        int visits = count("izl_visit");

        HttpResponse<String> missing = officer.post(LIBRARY + "/cocuk", child("Tokensız", "2020", "Veli Tokensız", "05334445599", true));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Form gönderilemedi", "Hiçbir şey kaydedilmedi.");
        Map<String, String> forged = new LinkedHashMap<>(Map.of("visitors", "5"));
        forged.put("_csrf", "uydurma-anahtar");
        assertThat(officer.post(LIBRARY + "/anonim", forged).statusCode()).isEqualTo(403);
        // a token of another session does not pass either
        String othersToken = officer().token(LIBRARY);
        forged.put("_csrf", othersToken);
        assertThat(officer.post(LIBRARY + "/anonim", forged).statusCode()).isEqualTo(403);
        assertThat(count("izl_child")).isEqualTo(children);
        assertThat(count("izl_visit")).isEqualTo(visits);
        // with the page's own token it passes
        forged.put("_csrf", officer.token(LIBRARY));
        assertThat(officer.post(LIBRARY + "/anonim", forged).statusCode()).isEqualTo(302);
        assertThat(count("izl_visit")).isEqualTo(visits + 1);
    }

    // ------------------------------------------------------------------ helpers

    private DeskSession officer() {
        return DeskSession.loggedIn(rest, port, OFFICER, PASSWORD);
    }

    private static Map<String, String> child(String firstName, String birthYear, String parentName, String parentPhone, boolean consent) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstName", firstName);
        form.put("birthYear", birthYear);
        form.put("parentName", parentName);
        form.put("parentPhone", parentPhone);
        if (consent) {
            form.put("consent", "true");
        }
        return form;
    }

    private static int figure(String page, String name) {
        Matcher figure = Pattern.compile("data-figure=\"" + name + "\">([0-9]+)<").matcher(page);
        assertThat(figure.find()).as(name).isTrue();
        return Integer.parseInt(figure.group(1));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private long registrationId(long seminar, String fullName) {
        return jdbc.queryForObject("select id from izs_registration where seminar_id = ? and full_name = ?", Long.class, seminar, fullName);
    }

    private String status(long registration) {
        return jdbc.queryForObject("select status from izs_registration where id = ?", String.class, registration);
    }

    /** Registers on the portal's page as a citizen's browser does (its CSRF cookie and token). */
    private void portalRegistration(long seminar, String fullName, String phone) {
        DeskSession citizen = DeskSession.anonymous(port);
        HttpResponse<String> registered = citizen.submit("/basvuru/seminerler/" + seminar, "/basvuru/seminerler/" + seminar,
            Map.of("fullName", fullName, "phone", phone, "email", ""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(registered.body()).containsAnyOf("Kaydınız alındı", "Yedek listeye alındınız");
    }
}
