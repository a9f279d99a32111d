package tr.bel.izmit.kadinaile.metrics;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Lets only managers and administrators read {@code /actuator/prometheus}. Runs after the engine's HTTP Basic
 * filter, which answers anonymous callers with 401 and sets the caller on the engine; everyone else gets 403.
 */
public class PrometheusAccessFilter extends OncePerRequestFilter {

    public static final String PATH = "/actuator/prometheus";
    static final List<String> ALLOWED_GROUPS = List.of(StaffGroup.MANAGERS.id(), StaffGroup.CAMUNDA_ADMIN.id());

    private final IdentityService identityService;

    public PrometheusAccessFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = identityService.getCurrentAuthentication();
        boolean allowed = caller != null && caller.getGroupIds() != null
            && caller.getGroupIds().stream().anyMatch(ALLOWED_GROUPS::contains);
        if (!allowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
