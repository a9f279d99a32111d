package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import tr.bel.izmit.kadinaile.common.web.TooManyRequests;

/**
 * The {@link LoginThrottle} on the web apps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * as Tasklist, Cockpit and Admin log in): over a budget the login is answered 429 with Retry-After and a Turkish
 * message, without the password being checked. A 401 counts as a failure; a 200 gives the tokens back; anything
 * else (the web apps' CSRF refusal, a server error) never checked a password and gives them back too. Runs in Spring
 * Security's chain of Camunda's doors ({@link WebSecurityConfiguration}; Spring Security has no rate limit of its own),
 * after the character encoding filter and before {@link LoginAuditFilter} (a throttled attempt is no login attempt).
 *
 * <p>The engine's password check for other users, {@code POST .../identity/verify} (engine REST API and the web
 * apps' engine API), is throttled the same way: with the engine's lockout gone it would let whoever may read users
 * (the administrators) guess other users' passwords without limit. Every check that was answered (200, whatever its
 * outcome) counts, against the address and the pseudo-user {@code identity/verify} (its answer is not read here);
 * a refused one (403 without READ on users) does not.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    private static final Pattern VERIFY = Pattern.compile("(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?");
    private static final String VERIFY_USER = "identity/verify";

    private final LoginThrottle throttle;

    WebappLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
            || !(WEBAPP_LOGIN.matcher(path).matches() || VERIFY.matcher(path).matches());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean verify = VERIFY.matcher(path).matches();
        // the login form's user id; the JSON body of identity/verify is left to the engine
        LoginThrottle.Result result = throttle.begin(request.getRemoteAddr(),
            verify ? VERIFY_USER : request.getParameter("username"));
        if (result.throttled()) {
            TooManyRequests.send(request, response, result.retryAfter(), LoginThrottle.MESSAGE);
            return;
        }
        boolean answered = false;
        try {
            chain.doFilter(request, response);
            answered = true;
        } finally {
            int status = response.getStatus();
            if (verify) {
                if (!answered || status != HttpServletResponse.SC_OK) {
                    result.attempt().notChecked();
                }
            } else if (answered && status == HttpServletResponse.SC_OK) {
                result.attempt().succeeded();
            } else if (!answered || status != HttpServletResponse.SC_UNAUTHORIZED) {
                result.attempt().notChecked();
            }
        }
    }
}
