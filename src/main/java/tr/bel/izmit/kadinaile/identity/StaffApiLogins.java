package tr.bel.izmit.kadinaile.identity;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The two logins of the staff API, never mixed in one request:
 * <ul>
 *   <li>a request that carries an {@code Authorization} header is HTTP Basic only, stateless as before: the web apps'
 *       session, should the browser send its cookie too, is not looked at, and nothing is kept between requests;</li>
 *   <li>any other request is the Camunda web apps' own login, read from the HTTP session
 *       ({@link WebappSessionSecurityContextRepository}: the Tasklist user, her groups read again on every request).
 *       Such a request must carry the web apps' CSRF token when it changes something
 *       ({@link #needsCsrfToken(HttpServletRequest)}), as the web apps' own API requires.</li>
 * </ul>
 * Read only: nothing is written to the session.
 */
final class StaffApiLogins implements SecurityContextRepository {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final WebappSessionSecurityContextRepository webappSessions;

    StaffApiLogins(WebappSessionSecurityContextRepository webappSessions) {
        this.webappSessions = webappSessions;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return byBasic(holder.getRequest()) ? SecurityContextHolder.createEmptyContext() : webappSessions.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // HTTP Basic keeps nothing; the web apps own their session
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return !byBasic(request) && webappSessions.containsContext(request);
    }

    /**
     * A changing request (not GET, HEAD, OPTIONS or TRACE) that the web apps' session would authenticate: it must carry
     * the session's CSRF token. Requests with HTTP Basic, and requests without a login (which get 401), need none.
     */
    boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && containsContext(request);
    }

    /**
     * Not logged in: the HTTP Basic challenge as before, except for a web page's own script without credentials
     * ({@code X-Requested-With: XMLHttpRequest}, as a Tasklist plugin sends it), which gets 401 with a Turkish JSON body
     * and no challenge, so that the browser does not open its password dialog over Tasklist when the session has ended.
     */
    static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint basicChallenge, byte[] loginRequired) {
        return (request, response, failure) -> {
            if (byBasic(request) || !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                basicChallenge.commence(request, response, failure);
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(loginRequired);
        };
    }

    private static boolean byBasic(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }
}
