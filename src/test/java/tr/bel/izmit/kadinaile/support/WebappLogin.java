package tr.bel.izmit.kadinaile.support;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The web apps' login as a browser does it: open Tasklist for the session and CSRF token, then post the login form. */
public final class WebappLogin {

    private WebappLogin() {
    }

    /** A fresh web app session: its cookies and the CSRF token, as a browser has them before logging in. */
    public static HttpHeaders session(TestRestTemplate rest, HttpHeaders extra) {
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
        HttpHeaders headers = session(rest, extra);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
    }
}
