package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs every staff login attempt at Camunda's doors, successful or not: the web apps' login form
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) and HTTP Basic on {@code /engine-rest} (a failed
 * one only: a successful Basic call is not a login event worth a line each). Runs in Spring Security's chain of those
 * doors ({@link WebSecurityConfiguration}); failed logins at our own doors reach {@link #audit} as Spring Security's
 * authentication failure events. The line names the user id (staff
 * ids only; anything that is not a well-formed id is logged as {@code <invalid>}, so no typed-in personal data
 * and no log injection), the door and the caller's address (the peer, or the client named by a trusted proxy); never
 * a password. Repeated failures are throttled by their source ({@link LoginThrottle}). After a successful web app login the
 * user's own Tasklist filter "Bana atananlar" is made sure of ({@link IdentitySetup#ensurePersonalFilter}), and that her
 * colleagues may read her name ({@link IdentitySetup#shareNameWithColleagues}).
 */
class LoginAuditFilter extends OncePerRequestFilter {

    static final String LOGGER = "tr.bel.izmit.kadinaile.security.login";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/([a-z]+)");
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]{1,64}");

    private final IdentitySetup identitySetup;

    LoginAuditFilter(IdentitySetup identitySetup) {
        this.identitySetup = identitySetup;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher webappLogin = WEBAPP_LOGIN.matcher(path);
        boolean isWebappLogin = "POST".equals(request.getMethod()) && webappLogin.matches();
        // read before the chain: the login resource consumes the form body
        String webappUser = isWebappLogin ? request.getParameter("username") : null;
        chain.doFilter(request, response);
        if (isWebappLogin) {
            boolean success = response.getStatus() == HttpServletResponse.SC_OK;
            audit(success, webappUser, "web app " + webappLogin.group(1), request.getRemoteAddr());
            if (success) {
                identitySetup.ensurePersonalFilter(webappUser);
                identitySetup.shareNameWithColleagues(webappUser);
            }
        } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            String basicUser = basicUser(request.getHeader("Authorization"));
            if (basicUser != null) {
                audit(false, basicUser, "HTTP Basic", request.getRemoteAddr());
            }
        }
    }

    static void audit(boolean success, String userId, String door, String clientAddress) {
        String user = safe(userId);
        if (success) {
            log.info("Login succeeded: user={} via={} from={}", user, door, clientAddress);
        } else {
            log.warn("Login failed: user={} via={} from={}", user, door, clientAddress);
        }
    }

    /** The user id of an HTTP Basic header, or null when there is none. */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    static String safe(String userId) {
        return userId != null && USER_ID.matcher(userId).matches() ? userId : "<invalid>";
    }
}
