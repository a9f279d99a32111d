package tr.bel.izmit.kadinaile.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * The managers' pages under {@code /yonetim} use the login of the Camunda web apps: whoever logged in at
 * {@code /camunda/app/welcome/} has her {@link Authentications} in the HTTP session, which this filter reads
 * (no second password prompt, and logging out of the web apps logs out here too). Her groups are read again from
 * the identity service on every request, so a manager removed from the group loses access at once. Not logged
 * in: 401 with a Turkish page linking to the login; logged in without the group {@code managers}: 403. For the
 * request, she is set on the engine, so that group checks and the engine's authorizations apply as in the
 * staff API. The pages get strict security headers: own scripts and styles only, no framing, no caching.
 */
public class ManagerSessionFilter extends OncePerRequestFilter {

    public static final String PATH = "/yonetim";
    static final String LOGIN = "/camunda/app/welcome/default/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
        + "object-src 'none'";

    private final IdentityService identityService;
    private final String engineName;

    public ManagerSessionFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");

        String userId = loggedInUser(request);
        if (userId == null) {
            page(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Oturum açmanız gerekiyor",
                "Yönetim panelini görmek için önce Camunda web uygulamalarında oturum açın, sonra bu sayfayı yenileyin.",
                request.getContextPath() + LOGIN, "Oturum aç");
            return;
        }
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        List<String> groups;
        try {
            groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        } finally {
            restore(previous);
        }
        if (!groups.contains(StaffGroup.MANAGERS.id())) {
            page(request, response, HttpServletResponse.SC_FORBIDDEN, "Yetkiniz yok",
                "Yönetim paneli yalnızca Yöneticiler grubundaki kullanıcılara açıktır.",
                request.getContextPath() + "/camunda/app/", "Web uygulamalarına dön");
            return;
        }
        identityService.setAuthentication(userId, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
            restore(previous);
        }
    }

    private String loggedInUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        org.camunda.bpm.webapp.impl.security.auth.Authentication authentication =
            authentications.getAuthenticationForProcessEngine(engineName);
        return authentication instanceof UserAuthentication user ? user.getName() : null;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private void restore(Authentication previous) {
        if (previous != null) {
            identityService.setAuthentication(previous);
        }
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String title, String text, String link,
            String linkText) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        String html = "<!DOCTYPE html><html lang=\"tr\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
            + " – Yönetim paneli</title><link rel=\"stylesheet\" href=\"" + escape(request.getContextPath())
            + "/dashboard/dashboard.css\"></head><body><main class=\"page\"><h1>" + escape(title) + "</h1><p>"
            + escape(text) + "</p><p><a class=\"button\" href=\"" + escape(link) + "\">"
            + escape(linkText) + "</a></p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
