package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.violenceline.ViolenceCaseStore.Intake;

/**
 * The staff API of the violence line's case store over HTTP, as the demo staff: only the line's own
 * groups see a case, every read is audited, only supervisors set a legal hold. Every request uses a
 * correct password (a wrong one would delay the user's next login).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.demo.enabled=true",
    "app.demo.password=demo"})
@ActiveProfiles("test")
class ViolenceCaseControllerTests {

    private static final String CANARY = "Zümrüt-Kanarya-4711";
    private static final String ADMIN_PASSWORD = "test-only-Admin-Password-1";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ViolenceCaseStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldShowTheCaseToLineStaffAndAuditEachRead() {
        ViolenceCase opened = openCase();

        for (String user : List.of("merve.koc", "selin.aydin", "derya.ozturk")) {
            ResponseEntity<String> response = as(user).getForEntity(url(opened.getId()), String.class);

            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getCacheControl()).contains("no-store");
            assertThat(response.getBody()).contains("\"victimName\":\"Ayşe " + CANARY + "\"")
                .contains("\"safePhone\":\"0532 111 22 33\"")
                .contains("\"caseCode\":\"" + opened.getCaseCode() + "\"")
                .contains("Güvenli saatte arandı " + CANARY);
            assertThat(jdbc.queryForObject("select count(*) from vl_access_audit where case_id = ? and user_id = ? and action = ?",
                Integer.class, opened.getId(), user, "READ_PERSONAL_DATA")).as(user).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select remote_address from vl_access_audit where case_id = ? and user_id = 'merve.koc'",
            String.class, opened.getId())).isNotBlank();
    }

    @Test
    void shouldRefuseEveryoneElseWithoutAnyOfTheData() {
        ViolenceCase opened = openCase();

        Map<String, String> others = Map.of("hatice.sahin", "demo", "ayse.yilmaz", "demo", "admin", ADMIN_PASSWORD);
        others.forEach((user, password) -> {
            ResponseEntity<String> response = http.withBasicAuth(user, password).getForEntity(url(opened.getId()), String.class);

            assertThat(response.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody()).as(user).doesNotContain(CANARY).doesNotContain("Kanarya").doesNotContain("0532")
                .doesNotContain(opened.getCaseCode()).doesNotContain("Yenidoğan");
            assertThat(jdbc.queryForObject("select count(*) from vl_access_audit where case_id = ? and user_id = ? and action = ?",
                Integer.class, opened.getId(), user, "ACCESS_DENIED")).as(user).isEqualTo(1);
        });
        // an unknown case is refused the same way: the refusal does not tell whether a case exists
        assertThat(http.withBasicAuth("hatice.sahin", "demo").getForEntity(url(Long.MAX_VALUE), String.class).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> anonymous = http.getForEntity(url(opened.getId()), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(String.valueOf(anonymous.getBody())).doesNotContain(CANARY);

        assertThat(jdbc.queryForObject("select count(*) from vl_access_audit where case_id = ? and action = 'READ_PERSONAL_DATA'",
            Integer.class, opened.getId())).isZero();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCase() {
        ResponseEntity<String> response = as("merve.koc").getForEntity(url(Long.MAX_VALUE), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("Kayıt bulunamadı.");
    }

    @Test
    void shouldLetOnlySupervisorsSetALegalHold() {
        ViolenceCase opened = openCase();
        String holdUrl = url(opened.getId()) + "/legal-hold";

        for (String user : List.of("merve.koc", "selin.aydin", "hatice.sahin")) {
            assertThat(as(user).exchange(holdUrl, HttpMethod.POST, json(Map.of("hold", true)), String.class).getStatusCode())
                .as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(legalHold(opened.getId())).isFalse();
        assertThat(http.exchange(holdUrl, HttpMethod.POST, json(Map.of("hold", true)), String.class).getStatusCode())
            .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> set = as("derya.ozturk").exchange(holdUrl, HttpMethod.POST, json(Map.of("hold", true)), Map.class);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("legalHold", true).containsEntry("caseCode", opened.getCaseCode());
        assertThat((String) set.getBody().get("message")).contains("Yasal saklama uygulandı");
        assertThat(legalHold(opened.getId())).isTrue();

        ResponseEntity<Map> released = as("derya.ozturk").exchange(holdUrl, HttpMethod.POST, json(Map.of("hold", false)), Map.class);
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(legalHold(opened.getId())).isFalse();
        assertThat(jdbc.queryForList("select action from vl_access_audit where case_id = ? and user_id = 'derya.ozturk' order by id",
            String.class, opened.getId())).containsExactly("LEGAL_HOLD_SET", "LEGAL_HOLD_RELEASED");

        assertThat(as("derya.ozturk").exchange(holdUrl, HttpMethod.POST, json(Map.of()), String.class).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("derya.ozturk").exchange(url(Long.MAX_VALUE) + "/legal-hold", HttpMethod.POST, json(Map.of("hold", true)),
            String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ViolenceCase openCase() {
        ViolenceCase opened = store.open(new Intake("Ayşe " + CANARY, "0532 111 22 33", "Hafta içi 10-12",
            "Yenidoğan", "Olay notu " + CANARY, "IZMIT"), null);
        store.addNote(opened.getId(), "STAFF_NOTE", "merve.koc", "Güvenli saatte arandı " + CANARY);
        return opened;
    }

    private boolean legalHold(Long caseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select legal_hold from vl_case where id = ?", Boolean.class, caseId));
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static String url(Long caseId) {
        return "/api/staff/violence-line/cases/" + caseId;
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
