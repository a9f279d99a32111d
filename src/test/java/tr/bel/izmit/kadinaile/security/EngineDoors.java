package tr.bel.izmit.kadinaile.security;

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

/**
 * The two doors through which a person reaches the engine: {@code /engine-rest} with HTTP Basic, and the web apps'
 * API {@code /camunda/api/engine/engine/default} with a Tasklist login session and its CSRF token (as Tasklist does).
 * A call is written once and sent through either door.
 */
final class EngineDoors {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_API = "/camunda/api/engine/engine/default";

    /** One logged-in person at one door. */
    record Door(String name, String base, HttpHeaders headers, TestRestTemplate rest) {

        ResponseEntity<String> send(HttpMethod method, String path, String json) {
            HttpHeaders requestHeaders = new HttpHeaders();
            requestHeaders.addAll(headers);
            requestHeaders.setContentType(MediaType.APPLICATION_JSON);
            requestHeaders.setAccept(List.of(MediaType.APPLICATION_JSON));
            return rest.exchange(base + path, method, new HttpEntity<>(json, requestHeaders), String.class);
        }

        ResponseEntity<String> post(String path, String json) {
            return send(HttpMethod.POST, path, json);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private EngineDoors() {
    }

    /** Replaces cookies by name with those the answer sets. */
    private static void setCookies(List<String> cookies, HttpHeaders answer) {
        for (String header : answer.getOrEmpty(HttpHeaders.SET_COOKIE)) {
            String cookie = header.split(";", 2)[0];
            String name = cookie.split("=", 2)[0];
            cookies.removeIf(existing -> existing.startsWith(name + "="));
            cookies.add(cookie);
        }
    }

    static Door engineRest(TestRestTemplate rest, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return new Door("/engine-rest as " + user, ENGINE_REST, headers, rest);
    }

    /** Logs in to Tasklist like a browser and returns the web apps' API door of that session. */
    static Door webapp(TestRestTemplate rest, String user, String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = new ArrayList<>(page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .map(cookie -> cookie.split(";", 2)[0]).toList());
        String csrf = page.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        login.add("X-XSRF-TOKEN", csrf);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> response = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
            new HttpEntity<>("username=" + user + "&password=" + password, login), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        setCookies(cookies, response.getHeaders());
        // the login renews the session, and with it the CSRF token: a page load hands out the new one
        HttpHeaders reload = new HttpHeaders();
        reload.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<String> app = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(reload),
            String.class);
        setCookies(cookies, app.getHeaders());
        String renewed = app.getHeaders().getFirst("X-XSRF-TOKEN");
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        session.add("X-XSRF-TOKEN", renewed != null ? renewed : csrf);
        return new Door("web apps' API as " + user, WEBAPP_API, session, rest);
    }
}
