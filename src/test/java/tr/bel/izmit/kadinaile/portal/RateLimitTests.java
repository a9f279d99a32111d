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

/**
 * Submissions from one address are limited; the one over the limit gets a Turkish 429 and starts nothing. The caller
 * (on the loopback, with no trusted proxy configured) names a different client in X-Forwarded-For every time, which
 * changes nothing (finding 9: Tomcat believed the header from every private and loopback address).
 */
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
            assertThat(post("10.1.2." + i).getStatusCode().value()).isEqualTo(201);
        }
        long before = runtimeService.createProcessInstanceQuery().count();
        ResponseEntity<Map> refused = post("192.168.7.7");
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).matches("\\d+");
        assertThat((String) refused.getBody().get("message")).contains("çok fazla başvuru");
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(http.getForEntity("/api/public/services", String.class).getStatusCode().value())
            .as("reading is not limited").isEqualTo(200);
    }

    private ResponseEntity<Map> post(String claimedClient) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-Forwarded-For", claimedClient);
        return http.exchange("/api/public/applications/microcredit-application", HttpMethod.POST,
            new HttpEntity<>(PublicApiTests.validExample("microcredit-application"), headers), Map.class);
    }
}
