package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * Without {@code TRUSTED_PROXIES} (the default) nobody is a trusted proxy, not even a caller on the loopback or a
 * private address (finding 9: Tomcat trusted them all): {@code X-Forwarded-Proto} and {@code X-Forwarded-For} from
 * such a caller change nothing. The rate limit's side of it: {@code portal.RateLimitTests} (same context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=3", "app.portal.rate-limit.period=PT1H"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class UntrustedForwardedHeadersTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldNotBelieveXForwardedProtoFromAnUntrustedCaller() {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.add("X-Forwarded-Proto", "https");

        ResponseEntity<String> portal = rest.exchange("/basvuru", HttpMethod.GET, new HttpEntity<>(forwarded), String.class);
        ResponseEntity<String> webapp = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
            new HttpEntity<>(forwarded), String.class);

        // (the Camunda web apps send their HSTS header on every answer; browsers ignore it over plain HTTP)
        assertThat(portal.getHeaders().getFirst("Strict-Transport-Security")).isNull();
        assertThat(portal.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("PORTAL_CSRF="))
            .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
        assertThat(webapp.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
            .allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void shouldLogTheCallersOwnAddressNotTheOneItClaims(CapturedOutput output) {
        HttpHeaders claimed = new HttpHeaders();
        claimed.add("X-Forwarded-For", "198.51.100.77");

        ResponseEntity<String> failed = WebappSessions.attempt(rest, "tasklist", "untrusted-nobody", "Wrong-Password-1", claimed);

        assertThat(failed.getStatusCode().value()).isEqualTo(401);
        assertThat(output.getOut()).containsPattern("Login failed: user=untrusted-nobody via=web app tasklist from=(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)")
            .doesNotContain("198.51.100.77");
    }
}
