package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A web app session whose user was changed on this node (removed, a membership removed or added, see
 * {@link IdentityChanges}) is revalidated on its next request instead of after the web apps' authentication cache
 * time to live ({@code camunda.bpm.webapp.auth.cache.time-to-live}): its cache validation time is cleared, so the
 * web apps' own authentication filter, which runs after this one, reloads the user and her groups, or drops the
 * authentication when the user is gone ({@link AuthenticationUtil#updateCache}). A session that this filter has not
 * seen yet is revalidated once. A password change does not end sessions opened with the old password.
 */
class WebappSessionRevalidation extends OncePerRequestFilter {

    static final String SEEN_GENERATIONS = WebappSessionRevalidation.class.getName() + ".generations";

    private final IdentityChanges changes;

    WebappSessionRevalidation(IdentityChanges changes) {
        this.changes = changes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            revalidateChangedUsers(session);
        }
        chain.doFilter(request, response);
    }

    @SuppressWarnings("unchecked")
    private void revalidateChangedUsers(HttpSession session) {
        if (session.getAttribute("authenticatedUser") == null) {
            return;
        }
        Map<String, Long> seen = (Map<String, Long>) session.getAttribute(SEEN_GENERATIONS);
        if (seen == null) {
            seen = new ConcurrentHashMap<>();
            session.setAttribute(SEEN_GENERATIONS, seen);
        }
        for (UserAuthentication authentication : AuthenticationUtil.getAuthsFromSession(session).getAuthentications()) {
            String userId = authentication.getIdentityId();
            long generation = changes.generation(userId);
            Long before = seen.put(userId, generation);
            if (before == null || before != generation) {
                authentication.setCacheValidationTime(null);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<WebappSessionRevalidation> webappSessionRevalidation(IdentityChanges changes) {
            FilterRegistrationBean<WebappSessionRevalidation> registration =
                new FilterRegistrationBean<>(new WebappSessionRevalidation(changes));
            registration.setName("webapp-session-revalidation");
            // before the web apps' own filters, which are registered to match after the application's
            registration.addUrlPatterns("/camunda/*");
            registration.setOrder(5);
            return registration;
        }
    }
}
