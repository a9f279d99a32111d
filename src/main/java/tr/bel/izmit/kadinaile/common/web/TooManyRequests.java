package tr.bel.izmit.kadinaile.common.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.util.HtmlUtils;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The answer to a client over one of its budgets: 429 with Retry-After and a Turkish explanation, as JSON for the
 * APIs ({@code /api/**}, {@code /engine-rest/**}, the web apps' {@code /camunda/api/**}) and as a page otherwise.
 */
public final class TooManyRequests {

    private TooManyRequests() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, Duration wait, String message)
            throws IOException {
        send(request, response, wait, message, null);
    }

    /**
     * As {@link #send(HttpServletRequest, HttpServletResponse, Duration, String)}; a page (not an API answer) is the
     * door's own {@code page} when it is given (the portal's, with the quick exit and the helplines).
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, Duration wait, String message,
            RefusalPage page)
            throws IOException {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ClientBuckets.retryAfterSeconds(wait)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            response.setContentType("application/json");
            // the engine REST API's error shape (type, message) and ours (message, errors) at once
            response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"" + message.replace("\"", "'")
                + "\",\"errors\":[]}");
        } else if (page != null) {
            page.write(request, response, Texts.get("portal.too-many-requests.title"), message);
        } else {
            response.setContentType("text/html");
            String base = request.getContextPath();
            response.getWriter().write("<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Texts.get("portal.too-many-requests.page-title") + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + base + "/portal/portal.css\"></head><body><main class=\"page\">"
                + "<h1>" + Texts.get("portal.too-many-requests.title") + "</h1><p>" + HtmlUtils.htmlEscape(message) + "</p></main>"
                + "</body></html>");
        }
    }
}
