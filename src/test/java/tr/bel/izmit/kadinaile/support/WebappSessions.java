package tr.bel.izmit.kadinaile.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Web app sessions as a browser has them: the session cookie and Camunda's CSRF token. */
public final class WebappSessions {

    private WebappSessions() {
    }

    /** A fresh web app session: its cookies and the CSRF token, as a browser has them before logging in. */
    public static HttpHeaders fresh(TestRestTemplate rest) {
        return fresh(rest, new HttpHeaders());
    }

    /** A fresh web app session opened with the extra headers (e.g. {@code X-Forwarded-For}), which it keeps. */
    public static HttpHeaders fresh(TestRestTemplate rest, HttpHeaders extra) {
        HttpHeaders pageHeaders = new HttpHeaders();
        pageHeaders.addAll(extra);
        ResponseEntity<String> page = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
            new HttpEntity<>(pageHeaders), String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .map(cookie -> cookie.split(";", 2)[0]).toList()));
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        return headers;
    }

    /** Posts the login form of {@code app} in a fresh session, with the extra headers on every request. */
    public static ResponseEntity<String> attempt(TestRestTemplate rest, String app, String user, String password, HttpHeaders extra) {
        HttpHeaders headers = fresh(rest, extra);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
    }

    private static void put(Map<String, String> cookies, String pair) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
            cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
    }

    /** Logs in to the web app ({@code tasklist}, {@code admin}, {@code cockpit}) and returns the session's headers. */
    public static HttpHeaders login(TestRestTemplate rest, String app, String user, String password) {
        HttpHeaders headers = fresh(rest);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
        // the login starts a new session: its cookie replaces the old one (a browser keeps one cookie per name)
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String cookie : headers.getFirst(HttpHeaders.COOKIE).split("; ")) {
            put(cookies, cookie);
        }
        login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).forEach(cookie -> put(cookies, cookie.split(";", 2)[0]));
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream()
            .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
        // the login starts a new session; its first read hands out the session's CSRF token, as the web apps read it
        ResponseEntity<String> firstRead = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
            new HttpEntity<>(session), String.class);
        String token = firstRead.getHeaders().getFirst("X-XSRF-TOKEN");
        session.add("X-XSRF-TOKEN", token != null ? token : headers.getFirst("X-XSRF-TOKEN"));
        // a changing request must come from the web app's own origin (Camunda's CSRF filter checks the Referer)
        session.add(HttpHeaders.REFERER, rest.getRootUri() + "/camunda/app/" + app + "/default/");
        session.setAccept(List.of(MediaType.APPLICATION_JSON));
        return session;
    }
}
