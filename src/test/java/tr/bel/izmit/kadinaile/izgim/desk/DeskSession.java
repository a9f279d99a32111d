package tr.bel.izmit.kadinaile.izgim.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

import tr.bel.izmit.kadinaile.support.WebappSessions;

/**
 * A browser at İZGİM's desk: the web apps' login session (Tasklist's login form, {@link WebappSessions}), the desk's
 * pages and their forms posted with the page's CSRF token, redirects not followed (the tests look at them).
 */
public final class DeskSession {

    static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private DeskSession(int port) {
        this.port = port;
    }

    /** Logged in to Tasklist as the user. */
    public static DeskSession loggedIn(TestRestTemplate rest, int port, String user, String password) {
        DeskSession session = new DeskSession(port);
        HttpHeaders login = WebappSessions.login(rest, "tasklist", user, password);
        for (String pair : login.getFirst(HttpHeaders.COOKIE).split("; ")) {
            session.cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return session;
    }

    /** A browser that has not logged in. */
    public static DeskSession anonymous(int port) {
        return new DeskSession(port);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts the form as it is (no token added). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the page's forms. */
    public String token(String page) {
        HttpResponse<String> opened = get(page);
        assertThat(opened.statusCode()).as(page).isEqualTo(200);
        Matcher token = TOKEN.matcher(opened.body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        return token.group(1);
    }

    /** Opens the page and posts one of its forms with the page's token, as a browser does. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> values) {
        Map<String, String> form = new LinkedHashMap<>(values);
        form.put("_csrf", token(page));
        return post(action, form);
    }

    /** The page a redirect leads to (asserts it is one). */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return get(location(redirect));
    }

    /** A redirect's target path. */
    public static String location(HttpResponse<String> redirect) {
        return URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
