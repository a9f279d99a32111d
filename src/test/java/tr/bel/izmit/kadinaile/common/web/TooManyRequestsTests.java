package tr.bel.izmit.kadinaile.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The 429 page of the portal carries the quick exit and the helplines like every other portal page; an API answer
 * stays JSON, and a refusal outside the portal (a staff login) gets no portal chrome.
 */
class TooManyRequestsTests {

    @Test
    void shouldLetHerLeaveTheRefusalPageAtOnceAndShowTheHelplines() throws Exception {
        MockHttpServletResponse page = send("/basvuru/microcredit-application", "https://example.org/hava-durumu");

        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString()).contains("id=\"hizli-cikis\"", "href=\"https://example.org/hava-durumu\"",
            "Hızlı çıkış", "href=\"tel:112\"", "href=\"tel:155\"", "href=\"tel:156\"", "href=\"tel:183\"", "KADES",
            "Bir dakika sonra");
    }

    @Test
    void shouldAnswerAnApiCallWithJsonAndAStaffLoginWithoutThePortalsChrome() throws Exception {
        MockHttpServletResponse api = send("/api/public/applications/microcredit-application", "https://example.org/");
        assertThat(api.getContentType()).startsWith("application/json");
        assertThat(api.getContentAsString()).doesNotContain("hizli-cikis");

        MockHttpServletResponse staff = send("/yonetim", null);
        assertThat(staff.getContentType()).startsWith("text/html");
        assertThat(staff.getContentAsString()).doesNotContain("hizli-cikis").doesNotContain("tel:");
    }

    private static MockHttpServletResponse send(String path, String quickExitUrl) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        TooManyRequests.send(request, response, Duration.ofSeconds(30), "Bir dakika sonra yeniden deneyin.", quickExitUrl);
        return response;
    }
}
