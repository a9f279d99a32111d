package tr.bel.izmit.kadinaile.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Web app sessions as a browser has them: the cookies and Camunda's CSRF token, before and after a Tasklist login. */
public final class WebappSessions {

    private WebappSessions() {
    }

    /** A fresh web app session: its cookies and the CSRF token, as a browser has them before logging in. */
    public static HttpHeaders anonymous(TestRestTemplate rest) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .map(cookie -> cookie.split(";", 2)[0]).toList()));
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        return headers;
    }

    /** Logs in to Tasklist and returns the headers of the logged-in session (cookies, CSRF token, JSON accepted). */
    public static HttpHeaders login(TestRestTemplate rest, String user, String password) {
        HttpHeaders headers = anonymous(rest);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        List<String> cookies = new ArrayList<>(List.of(headers.getFirst(HttpHeaders.COOKIE).split("; ")));
        login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
        // the login starts a new session, which has no CSRF token yet: the next page load hands one out, as in a browser
        HttpHeaders loaded = new HttpHeaders();
        loaded.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(loaded),
            String.class);
        page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
        String token = page.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        session.add("X-XSRF-TOKEN", token != null ? token : headers.getFirst("X-XSRF-TOKEN"));
        session.setAccept(List.of(MediaType.APPLICATION_JSON));
        return session;
    }
}
