package tr.bel.izmit.kadinaile.security;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tr.bel.izmit.kadinaile.support.WebappSessions;

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

    static Door engineRest(TestRestTemplate rest, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return new Door("/engine-rest as " + user, ENGINE_REST, headers, rest);
    }

    /** Logs in to Tasklist like a browser ({@link WebappSessions}) and returns the web apps' API door of that session. */
    static Door webapp(TestRestTemplate rest, String user, String password) {
        return new Door("web apps' API as " + user, WEBAPP_API, WebappSessions.login(rest, "tasklist", user, password), rest);
    }
}
