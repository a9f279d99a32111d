package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.support.TestUsers;
import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * A password change, a removed user or a removed membership takes effect at once on the node that made it, although
 * HTTP Basic logins are remembered for a minute (identity.EngineRestAuthenticationCache) and the web apps revalidate
 * a session's user only every minute (camunda.bpm.webapp.auth.cache.time-to-live). Each change is made by the
 * administrator through /engine-rest, or by the application; each effect is observed on the very next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CredentialChangeTakesEffectTests {

    private static final String PASSWORD = "Degisiklik-Parola-2026";
    private static final String MICROCREDIT_COUNT = "process-definition/count?key=microcredit-application";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    private final List<String> users = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        users.forEach(identityService::deleteUser);
    }

    @Test
    void shouldRefuseTheOldPasswordOnTheNextRequestAfterAChange() {
        String officer = officer();
        assertThat(status(officer, PASSWORD)).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> changed = call(adminId, adminPassword, HttpMethod.PUT, "/engine-rest/user/" + officer + "/credentials",
            "{\"password\":\"Yeni-Degisiklik-Parola-7\",\"authenticatedUserPassword\":\"" + adminPassword + "\"}");
        assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // (the new one first: a failed attempt makes the engine's throttling refuse even the right password for a while)
        assertThat(status(officer, "Yeni-Degisiklik-Parola-7")).isEqualTo(HttpStatus.OK);
        assertThat(status(officer, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldRefuseARemovedUserOnTheNextRequest() {
        String officer = officer();
        assertThat(status(officer, PASSWORD)).isEqualTo(HttpStatus.OK);

        assertThat(call(adminId, adminPassword, HttpMethod.DELETE, "/engine-rest/user/" + officer, null).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(status(officer, PASSWORD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldDropARemovedMembershipOnTheNextRequest() {
        String officer = officer();
        assertThat(count(call(officer, PASSWORD, HttpMethod.GET, "/engine-rest/" + MICROCREDIT_COUNT, null))).isEqualTo(1);

        assertThat(call(adminId, adminPassword, HttpMethod.DELETE,
            "/engine-rest/group/" + StaffGroup.IZGIM_OFFICERS.id() + "/members/" + officer, null).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(count(call(officer, PASSWORD, HttpMethod.GET, "/engine-rest/" + MICROCREDIT_COUNT, null))).isZero();
    }

    @Test
    void shouldDropARemovedMembershipFromAWebappSessionOnTheNextRequest() {
        String officer = officer();
        HttpHeaders session = WebappSessions.login(rest, "tasklist", officer, PASSWORD);
        String path = "/camunda/api/engine/engine/default/" + MICROCREDIT_COUNT;
        assertThat(count(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class))).isEqualTo(1);

        identityService.deleteMembership(officer, StaffGroup.IZGIM_OFFICERS.id());

        assertThat(count(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class))).isZero();
    }

    @Test
    void shouldEndARemovedUsersWebappRightsOnTheNextRequest() {
        String officer = officer();
        HttpHeaders session = WebappSessions.login(rest, "tasklist", officer, PASSWORD);
        String path = "/camunda/api/engine/engine/default/task/count";
        assertThat(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);

        assertThat(call(adminId, adminPassword, HttpMethod.DELETE, "/engine-rest/user/" + officer, null).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class).getStatusCode())
            .isIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }

    private String officer() {
        String id = "degisiklik." + SEQUENCE.incrementAndGet();
        TestUsers.create(identityService, id, PASSWORD, StaffGroup.IZGIM_OFFICERS.id());
        users.add(id);
        return id;
    }

    private HttpStatus status(String userId, String password) {
        return HttpStatus.valueOf(call(userId, password, HttpMethod.GET, "/engine-rest/task/count", null).getStatusCode().value());
    }

    private ResponseEntity<String> call(String userId, String password, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(userId, password);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private static long count(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        try {
            return new ObjectMapper().readTree(response.getBody()).path("count").asLong();
        } catch (JsonProcessingException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
