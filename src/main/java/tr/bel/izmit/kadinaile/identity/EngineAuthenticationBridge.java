package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the staff member Spring Security has let in ({@link EngineUser}) on the engine for the rest of the request, as
 * the engine's own authentication filter does on {@code /engine-rest}: the engine's authorization checks then apply to
 * everything our endpoints do on her behalf ({@code identityService.getCurrentAuthentication()}), until an endpoint
 * acts as the application ({@code engine.TechnicalEngineCalls}). Cleared when the request ends.
 */
public final class EngineAuthenticationBridge extends OncePerRequestFilter {

    private final IdentityService identityService;

    public EngineAuthenticationBridge(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        org.springframework.security.core.Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !(caller.getPrincipal() instanceof EngineUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user.id(), user.groupIds(), user.tenantIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
            if (previous != null) {
                identityService.setAuthentication(previous);
            }
        }
    }
}
