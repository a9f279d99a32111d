package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Submissions from one address are limited; the one over the limit gets a Turkish 429 and starts nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.portal.rate-limit.capacity=3", "app.portal.rate-limit.period=PT1H"})
@ActiveProfiles("test")
class RateLimitTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void shouldRefuseTheFourthSubmissionWithinTheHour() {
        for (int i = 0; i < 3; i++) {
            assertThat(post().getStatusCode().value()).isEqualTo(201);
        }
        long before = runtimeService.createProcessInstanceQuery().count();
        ResponseEntity<Map> refused = post();
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).matches("\\d+");
        assertThat((String) refused.getBody().get("message")).contains("çok fazla başvuru");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(http.getForEntity("/api/public/services", String.class).getStatusCode().value())
            .as("reading is not limited").isEqualTo(200);
    }

    private ResponseEntity<Map> post() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange("/api/public/applications/microcredit-application", HttpMethod.POST,
            new HttpEntity<>(PublicApiTests.validExample("microcredit-application"), headers), Map.class);
    }
}
