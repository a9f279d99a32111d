package tr.bel.izmit.kadinaile.izgim.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.izgim.seminars.SeminarTestSupport;

/**
 * The children's library desk through the staff API as the real groups: an İZGİM officer registers a child (a card
 * number, the consent recorded, the parent's phone normalised), looks her up by card, records her visit once a day
 * and anonymous visitors; everyone else (managers, psychologists, the anonymous) is refused and reads nothing of the
 * child. Same context as {@code courses.CoursesApiTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true", "app.demo.password=demo", "app.portal.rate-limit.capacity=1000",
    "app.portal.status-response-floor=PT0.05S"})
@ActiveProfiles("test")
@SuppressWarnings({"unchecked", "rawtypes"})
class LibraryTests {

    private static final String PATH = "/api/staff/izgim/library";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        SeminarTestSupport.users(identityService);
    }

    @Test
    void shouldRegisterAChildWithACardAndTheConsentAndRecordHerVisitOnceADay() {
        ResponseEntity<Map> registered = officer().postForEntity(PATH + "/children",
            child("Nazlı", LocalDate.now().getYear() - 7, "0533 444 55 66", true), Map.class);

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String card = (String) registered.getBody().get("cardNumber");
        assertThat(card).matches("KK-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(registered.getBody()).containsEntry("parentPhone", "5334445566").containsEntry("consentVersion", "2026-1");
        assertThat(jdbc.queryForObject("select count(*) from izl_child where card_number = ? and consent_at is not null "
            + "and registered_by = ?", Integer.class, card, SeminarTestSupport.OFFICER)).isEqualTo(1);
        // only what the library needs: no identity number, no address, no school
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where lower(table_name) = 'izl_child'",
            String.class)).extracting(String::toLowerCase).containsExactlyInAnyOrder("id", "card_number", "first_name", "birth_year",
                "parent_name", "parent_phone", "consent_version", "consent_at", "registered_by", "registered_at");

        ResponseEntity<Map> found = officer().getForEntity(PATH + "/children/" + card.toLowerCase(), Map.class);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).containsEntry("firstName", "Nazlı");
        assertThat(officer().getForEntity(PATH + "/children/KK-0000-0000", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(officer().postForEntity(PATH + "/visits", Map.of("cardNumber", card), Map.class).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> again = officer().postForEntity(PATH + "/visits", Map.of("cardNumber", card), Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("message")).isEqualTo("Bu çocuğun bugünkü ziyareti daha önce kaydedilmişti.");
        assertThat(jdbc.queryForObject("select count(*) from izl_visit v join izl_child c on c.id = v.child_id where c.card_number = ?",
            Integer.class, card)).isEqualTo(1);
        ResponseEntity<Map> unknown = officer().postForEntity(PATH + "/visits", Map.of("cardNumber", "KK-0000-0000"), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("cardNumber", "Bu kart numarasıyla kayıtlı çocuk bulunamadı.");

        assertThat(officer().postForEntity(PATH + "/anonymous-visits", Map.of("visitors", 12), Map.class).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> none = officer().postForEntity(PATH + "/anonymous-visits", Map.of("visitors", 0), Map.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody().toString()).contains("visitors", "Ziyaretçi sayısı 1 ile 500 arasında olmalıdır.");
        ResponseEntity<Map> future = officer().postForEntity(PATH + "/anonymous-visits",
            Map.of("visitors", 3, "day", LocalDate.now().plusDays(2).toString()), Map.class);
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().toString()).contains("day");
    }

    @Test
    void shouldRefuseARegistrationWithoutConsentOrWithBadDataNamingEveryField() {
        ResponseEntity<Map> refused = officer().postForEntity(PATH + "/children", child("", 1990, "123", false), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map> errors = (List<Map>) refused.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly("firstName", "birthYear", "parentPhone", "consent");
        assertThat(errors).extracting(e -> (String) e.get("message"))
            .contains("Velinin açık rızası alınmadan çocuk kaydedilemez.", "Çocuğun adı zorunludur.");
    }

    @Test
    void shouldServeTheChildsDataToIzgimOfficersOnly() {
        String card = (String) officer().postForEntity(PATH + "/children",
            child("Gizem", LocalDate.now().getYear() - 9, "05334445567", true), Map.class).getBody().get("cardNumber");

        for (String path : List.of(PATH + "/children/" + card)) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String other : List.of(SeminarTestSupport.MANAGER, SeminarTestSupport.PSYCHOLOGIST)) {
                ResponseEntity<String> answer = rest.withBasicAuth(other, SeminarTestSupport.PASSWORD).getForEntity(path, String.class);
                assertThat(answer.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(answer.getBody()).as(other).doesNotContain("Gizem", "5334445567");
            }
        }
        for (String other : List.of(SeminarTestSupport.MANAGER, SeminarTestSupport.PSYCHOLOGIST)) {
            TestRestTemplate as = rest.withBasicAuth(other, SeminarTestSupport.PASSWORD);
            assertThat(as.postForEntity(PATH + "/children", child("Işıl", 2020, "05334445568", true), String.class).getStatusCode())
                .as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as.postForEntity(PATH + "/visits", Map.of("cardNumber", card), String.class).getStatusCode())
                .as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as.postForEntity(PATH + "/anonymous-visits", Map.of("visitors", 2), String.class).getStatusCode())
                .as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(jdbc.queryForObject("select count(*) from izl_child where first_name = 'Işıl'", Integer.class)).isZero();
    }

    private TestRestTemplate officer() {
        return rest.withBasicAuth(SeminarTestSupport.OFFICER, SeminarTestSupport.PASSWORD);
    }

    private static Map<String, Object> child(String firstName, int birthYear, String parentPhone, boolean consent) {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("firstName", firstName);
        child.put("birthYear", birthYear);
        child.put("parentName", "Veli Test");
        child.put("parentPhone", parentPhone);
        child.put("consent", consent);
        return child;
    }
}
