package tr.bel.izmit.kadinaile.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * Spring Security stays out of Camunda's doors: the web apps ({@code /camunda/**}) and the engine REST API
 * ({@code /engine-rest/**}) answer with the same status and the same headers as before Spring Security was on the
 * class path (recorded from the build before it, commit cb2b11a), for anonymous callers, HTTP Basic, a web app login
 * and its session, and for requests Spring Security's strict firewall would refuse (a path parameter, an encoded
 * percent sign).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CamundaDoorsUntouchedTests {

    /** Headers whose presence and value depend on the moment or the body, not on the door's rules. */
    private static final Set<String> VARYING = Set.of("date", "content-length", "transfer-encoding", "keep-alive", "connection",
        "last-modified", "etag", "content-type", "vary", "accept-ranges");
    /** Headers whose value is compared too (cookies and tokens by name only). */
    private static final Set<String> COMPARED = Set.of("cache-control", "pragma", "expires", "x-frame-options",
        "x-content-type-options", "content-security-policy", "strict-transport-security", "referrer-policy",
        "x-xss-protection", "www-authenticate", "location");

    @Autowired
    TestRestTemplate rest;
    @Value("${camunda.bpm.admin-user.id}")
    String adminId;
    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    @Test
    void shouldAnswerOnCamundasDoorsAsBeforeSpringSecurity() {
        HttpHeaders session = WebappSessions.login(rest, "tasklist", adminId, adminPassword);
        StringBuilder seen = new StringBuilder();
        seen.append(describe("GET /camunda/app/tasklist/default/", get("/camunda/app/tasklist/default/", new HttpHeaders())));
        seen.append(describe("GET /camunda/api/admin/auth/user/default (anonymous)",
            get("/camunda/api/admin/auth/user/default", new HttpHeaders())));
        seen.append(describe("GET /camunda/api/engine/engine/default/task/count (session)",
            get("/camunda/api/engine/engine/default/task/count", session)));
        seen.append(describe("GET /engine-rest/task/count (anonymous)", get("/engine-rest/task/count", new HttpHeaders())));
        seen.append(describe("GET /engine-rest/task/count (admin)", rest.withBasicAuth(adminId, adminPassword)
            .getForEntity("/engine-rest/task/count", String.class)));
        seen.append(describe("GET /engine-rest/task;x=1/count (admin)", rest.withBasicAuth(adminId, adminPassword)
            .getForEntity("/engine-rest/task;x=1/count", String.class)));
        seen.append(describe("GET /engine-rest/process-definition/key/a%25b (admin)", rest.withBasicAuth(adminId, adminPassword)
            .getForEntity(java.net.URI.create(rest.getRootUri() + "/engine-rest/process-definition/key/a%25b"), String.class)));
        System.out.println("Camunda doors:\n" + seen);

        assertThat(seen.toString()).isEqualTo(String.join("\n", EXPECTED) + "\n");
    }

    private ResponseEntity<String> get(String path, HttpHeaders headers) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static String describe(String request, ResponseEntity<String> response) {
        TreeMap<String, String> headers = new TreeMap<>();
        response.getHeaders().forEach((name, values) -> {
            String key = name.toLowerCase();
            if (VARYING.contains(key)) {
                return;
            }
            String value = COMPARED.contains(key) ? String.join(" | ", values)
                : key.equals("set-cookie") ? String.join(" | ", values.stream().map(cookie -> cookie.split("=", 2)[0]).toList())
                : "…";
            headers.put(key, value.replaceAll("http://localhost:[0-9]+", "http://localhost").replaceAll("'nonce-[^']+'", "'nonce-…'"));
        });
        return request + " -> " + response.getStatusCode().value() + " " + headers + "\n";
    }

    /** As answered by the build before Spring Security (cb2b11a); the web apps' CSP nonce varies per answer. */
    private static final List<String> EXPECTED = List.of(
        "GET /camunda/app/tasklist/default/ -> 200 {content-security-policy=base-uri 'self';script-src 'nonce-…' 'strict-dynamic' 'unsafe-eval' https: 'self' 'unsafe-inline';style-src 'unsafe-inline' 'self';default-src 'self';img-src 'self' data:;block-all-mixed-content;form-action 'self';frame-ancestors 'none';object-src 'none';sandbox allow-forms allow-scripts allow-same-origin allow-popups allow-downloads, set-cookie=JSESSIONID | XSRF-TOKEN, strict-transport-security=max-age=31536000, x-content-type-options=nosniff, x-xsrf-token=…, x-xss-protection=1; mode=block}",
        "GET /camunda/api/admin/auth/user/default (anonymous) -> 404 {content-security-policy=base-uri 'self';script-src 'nonce-…' 'strict-dynamic' 'unsafe-eval' https: 'self' 'unsafe-inline';style-src 'unsafe-inline' 'self';default-src 'self';img-src 'self' data:;block-all-mixed-content;form-action 'self';frame-ancestors 'none';object-src 'none';sandbox allow-forms allow-scripts allow-same-origin allow-popups allow-downloads, set-cookie=JSESSIONID | XSRF-TOKEN, strict-transport-security=max-age=31536000, x-content-type-options=nosniff, x-xsrf-token=…, x-xss-protection=1; mode=block}",
        "GET /camunda/api/engine/engine/default/task/count (session) -> 200 {content-security-policy=base-uri 'self';script-src 'nonce-…' 'strict-dynamic' 'unsafe-eval' https: 'self' 'unsafe-inline';style-src 'unsafe-inline' 'self';default-src 'self';img-src 'self' data:;block-all-mixed-content;form-action 'self';frame-ancestors 'none';object-src 'none';sandbox allow-forms allow-scripts allow-same-origin allow-popups allow-downloads, strict-transport-security=max-age=31536000, x-authorized-apps=…, x-authorized-engine=…, x-authorized-user=…, x-content-type-options=nosniff, x-xss-protection=1; mode=block}",
        "GET /engine-rest/task/count (anonymous) -> 401 {www-authenticate=Basic realm=\"default\"}",
        "GET /engine-rest/task/count (admin) -> 200 {cache-control=no-cache}",
        "GET /engine-rest/task;x=1/count (admin) -> 200 {cache-control=no-cache}",
        "GET /engine-rest/process-definition/key/a%25b (admin) -> 404 {cache-control=no-cache}");
}
