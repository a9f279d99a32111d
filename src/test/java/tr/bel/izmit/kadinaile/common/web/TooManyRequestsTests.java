package tr.bel.izmit.kadinaile.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The 429 page of a door with a page of its own (the portal's, with the quick exit and the helplines: see
 * {@code portal.RefusalPagesTests}) is that door's page; an API answer stays JSON, and a refusal outside the portal (a
 * staff login) gets no portal chrome.
 */
class TooManyRequestsTests {

    private static final RefusalPage PORTAL_LIKE = (request, response, title, message) -> {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<a id=\"hizli-cikis\">Hızlı çıkış</a><h1>" + title + "</h1><p>" + message + "</p>");
    };

    @Test
    void shouldLetTheDoorsOwnPageAnswerAPageRequest() throws Exception {
        MockHttpServletResponse page = send("/basvuru/microcredit-application", PORTAL_LIKE);

        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getHeader("Retry-After")).isEqualTo("30");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).isEqualTo(
            "<a id=\"hizli-cikis\">Hızlı çıkış</a><h1>Çok fazla istek</h1><p>Bir dakika sonra yeniden deneyin.</p>");
    }

    @Test
    void shouldAnswerAnApiCallWithJsonAndAStaffLoginWithoutThePortalsChrome() throws Exception {
        MockHttpServletResponse api = send("/api/public/applications/microcredit-application", PORTAL_LIKE);
        assertThat(api.getContentType()).startsWith("application/json");
        assertThat(api.getContentAsString()).doesNotContain("hizli-cikis");

        MockHttpServletResponse staff = send("/yonetim", null);
        assertThat(staff.getContentType()).startsWith("text/html");
        assertThat(staff.getContentAsString()).doesNotContain("hizli-cikis").doesNotContain("tel:");
    }

    private static MockHttpServletResponse send(String path, RefusalPage page) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        TooManyRequests.send(request, response, Duration.ofSeconds(30), "Bir dakika sonra yeniden deneyin.", page);
        return response;
    }
}
