package tr.bel.izmit.kadinaile.identity;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The Camunda web apps' CSRF token as Spring Security's: the token the web apps' CSRF filter keeps in the HTTP
 * session (and hands to the page in the cookie {@code XSRF-TOKEN}) is the one a changing request must send in the
 * header {@code X-XSRF-TOKEN}, exactly as the web apps' own API requires. Read only: the web apps make and keep the
 * token. A session without one gets a token nobody knows, so every changing request is refused. Used by every door that
 * takes the web apps' session: the case view ({@code casework.CaseworkSecurity}) and the staff API
 * ({@link WebSecurityConfiguration}).
 */
public final class WebappCsrfTokens implements CsrfTokenRepository {

    public static final String HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
    private static final String PARAMETER = "_csrf";

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, "unknown-" + UUID.randomUUID());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        // the web apps own the token
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token instanceof String value && !value.isBlank() ? new DefaultCsrfToken(HEADER, PARAMETER, value) : null;
    }
}
