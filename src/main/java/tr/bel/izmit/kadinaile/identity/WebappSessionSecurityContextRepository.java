package tr.bel.izmit.kadinaile.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The login of the Camunda web apps as Spring Security's security context, for pages that use it (the managers'
 * {@code /yonetim}): whoever logged in at {@code /camunda/app/welcome/} has her {@link Authentications} in the HTTP
 * session, which is read here (no second password prompt, and logging out of the web apps logs out here too). Her
 * groups are read again from the identity service on every request, so a manager removed from the group loses access
 * at once. Read only: Spring Security never writes to the web apps' session.
 */
public final class WebappSessionSecurityContextRepository implements SecurityContextRepository {

    private final ProcessEngine engine;

    public WebappSessionSecurityContextRepository(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the web apps own their session
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return loggedInUser(request) != null;
    }

    private SecurityContext load(HttpServletRequest request) {
        String userId = loggedInUser(request);
        if (userId == null) {
            return SecurityContextHolder.createEmptyContext();
        }
        IdentityService identityService = engine.getIdentityService();
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        List<String> groups;
        try {
            groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        } finally {
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
        return new SecurityContextImpl(new EngineUser(userId, groups, List.of()).authentication());
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
            authentications.getAuthenticationForProcessEngine(engine.getName());
        return authentication instanceof UserAuthentication user ? user.getName() : null;
    }
}
