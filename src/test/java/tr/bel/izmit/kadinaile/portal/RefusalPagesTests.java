package tr.bel.izmit.kadinaile.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The portal's refusals written before any page is made (too many requests: 429; a form without its CSRF token: 403)
 * are portal pages like the others: the quick exit first, the helplines at the foot, both from the fragments of
 * {@code portal/layout.html}, so that they cannot drift apart. Over HTTP, behind a trusted proxy on the loopback so that
 * each test is a client of its own (the same context as {@code security.PublicSideAbuseTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "app.security.trusted-proxies=127.0.0.1, ::1",
    "app.portal.rate-limit.capacity=3", "app.portal.rate-limit.period=PT1H",
    "app.portal.rate-limit.lookup-capacity=4", "app.portal.rate-limit.withdrawal-capacity=3",
    "app.security.login-throttle.user-capacity=3", "app.security.login-throttle.address-capacity=8",
    "app.portal.status-response-floor=PT0S"})
@ActiveProfiles("test")
class RefusalPagesTests {

    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern HEADER = Pattern.compile("(?s)<header class=\"site-header\">.*?</header>");
    private static final Pattern FOOTER = Pattern.compile("(?s)<footer class=\"site-footer\">.*?</footer>");

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldLetHerLeaveTheTooManyRequestsPageAtOnceAndShowTheHelplines() {
        ResponseEntity<String> page = tooManyLookups("192.0.2.10");

        assertThat(page.getStatusCode().value()).isEqualTo(429);
        assertThat(page.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        String html = page.getBody();
        assertThat(html).containsPattern("<a class=\"quick-exit\" id=\"hizli-cikis\" href=\"https://www.google.com.tr/\" "
                + "rel=\"noreferrer\"[^>]*>Hızlı çıkış</a>")
            .contains("href=\"tel:112\"", "href=\"tel:155\"", "href=\"tel:156\"", "href=\"tel:183\"", "KADES",
                "src=\"/portal/portal.js\"", "Çok fazla istek", "bilinmeyen takip kodu");
        assertThat(html.indexOf("id=\"hizli-cikis\"")).as("the quick exit comes before the page's text")
            .isLessThan(html.indexOf("<main"));
    }

    @Test
    void shouldShowTheSameQuickExitAndHelplinesOnTheRefusalPagesAsOnThePortalsPages() {
        String client = "192.0.2.11";
        String services = rest.exchange("/basvuru", HttpMethod.GET, new HttpEntity<>(client(client)), String.class).getBody();
        ResponseEntity<String> withoutToken = rest.exchange("/basvuru/durum", HttpMethod.POST,
            new HttpEntity<>("kod=MK-0000-0000", form(client(client))), String.class);
        ResponseEntity<String> tooMany = tooManyLookups("192.0.2.12");

        assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
        assertThat(withoutToken.getBody()).contains("Form doğrulanamadı", "Başvurular sayfasına dön");
        for (ResponseEntity<String> refusal : List.of(withoutToken, tooMany)) {
            assertThat(part(HEADER, refusal.getBody())).as("the quick exit").isEqualTo(part(HEADER, services))
                .contains("id=\"hizli-cikis\"");
            assertThat(part(FOOTER, refusal.getBody())).as("the helplines").isEqualTo(part(FOOTER, services))
                .contains("href=\"tel:112\"", "href=\"tel:155\"", "href=\"tel:156\"", "href=\"tel:183\"", "KADES");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Four unknown tracking codes from {@code client} use up its lookups; the status page then answers 429. */
    private ResponseEntity<String> tooManyLookups(String client) {
        for (int i = 0; i < 4; i++) {
            assertThat(rest.exchange("/api/public/applications/MK-0000-010" + i, HttpMethod.GET, new HttpEntity<>(client(client)),
                String.class).getStatusCode().value()).isEqualTo(404);
        }
        ResponseEntity<String> statusPage = rest.exchange("/basvuru/durum", HttpMethod.GET, new HttpEntity<>(client(client)),
            String.class);
        Matcher token = HIDDEN_TOKEN.matcher(statusPage.getBody());
        assertThat(token.find()).as("the status page's CSRF token").isTrue();
        HttpHeaders headers = form(client(client));
        headers.add(HttpHeaders.COOKIE, statusPage.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .filter(cookie -> cookie.startsWith("PORTAL_CSRF=")).findFirst().orElseThrow().split(";", 2)[0]);
        return rest.exchange("/basvuru/durum", HttpMethod.POST,
            new HttpEntity<>("kod=MK-0000-0109&_csrf=" + token.group(1), headers), String.class);
    }

    private static String part(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group();
    }

    /** Headers of a request the trusted proxy forwards for the client named. */
    private static HttpHeaders client(String forwardedFor) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", forwardedFor);
        return headers;
    }

    private static HttpHeaders form(HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }
}
