package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import tr.bel.izmit.kadinaile.support.TestUsers;

/** The login cache in front of the engine REST API, as a caller sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineRestLoginCacheTests {

    private static final String USER = "giris.onbellek";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    EngineRestAuthenticationCache cache;

    @AfterEach
    void removeUser() {
        identityService.deleteUser(USER);
        cache.invalidateAll();
    }

    @Test
    void shouldRememberASuccessfulLoginUntilThePasswordChanges() {
        TestUsers.create(identityService, USER, "Ilk-Parola-2026", StaffGroup.IZGIM_OFFICERS.id());

        assertThat(status("Ilk-Parola-2026")).isEqualTo(HttpStatus.OK);

        User changed = identityService.createUserQuery().userId(USER).singleResult();
        changed.setPassword("Yeni-Parola-2026");
        identityService.saveUser(changed);

        // a password change on this node evicts the remembered login at once (IdentityChanges); the new password is
        // checked by the engine (a failed attempt makes the engine's login throttling refuse even the right password
        // for a while: failures last)
        assertThat(status("Yeni-Parola-2026")).isEqualTo(HttpStatus.OK);
        assertThat(status("Ilk-Parola-2026")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status("Yanlis-Parola")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswerTheDefaultEngineEveryTimeAndAnEngineThatDoesNotExistWith404EveryTime() {
        TestUsers.create(identityService, USER, "Ilk-Parola-2026", StaffGroup.IZGIM_OFFICERS.id());

        for (int i = 0; i < 2; i++) {
            assertThat(status("/engine-rest/task/count", "Ilk-Parola-2026")).isEqualTo(HttpStatus.OK);
            assertThat(status("/engine-rest/engine/default/task/count", "Ilk-Parola-2026")).isEqualTo(HttpStatus.OK);
            assertThat(status("/engine-rest/engine/boyle-bir-motor-yok/task/count", "Ilk-Parola-2026"))
                .isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private HttpStatus status(String password) {
        return status("/engine-rest/task/count", password);
    }

    private HttpStatus status(String path, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION,
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes()));
        return HttpStatus.valueOf(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class)
            .getStatusCode().value());
    }
}
