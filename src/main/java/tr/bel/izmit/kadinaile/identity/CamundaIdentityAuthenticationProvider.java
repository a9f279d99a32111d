package tr.bel.izmit.kadinaile.identity;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import tr.bel.izmit.kadinaile.common.web.TooManyRequests;

/**
 * HTTP Basic on our own doors against the Camunda identity, as the engine's own filter does it on {@code /engine-rest}:
 * the password checked by the identity service, the login, groups and tenants remembered for a short while
 * ({@link EngineRestAuthenticationCache}, shared with {@code /engine-rest}, so that a changed password or membership
 * takes effect at the same moment on both), and every password that is really checked going through the
 * {@link LoginThrottle} (over its budgets: 429 with Retry-After, and the password is not checked).
 */
final class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final ProcessEngine engine;
    private final EngineRestAuthenticationCache cache;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(ProcessEngine engine, EngineRestAuthenticationCache cache, LoginThrottle throttle) {
        this.engine = engine;
        this.cache = cache;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String userId = login.getName();
        String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
        String address = login.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        IdentityService identity = engine.getIdentityService();
        boolean authenticated;
        try {
            authenticated = cache.isAuthenticated(engine.getName(), userId, password,
                () -> throttle.check(address, userId, () -> identity.checkPassword(userId, password)));
        } catch (LoginThrottle.ThrottledException throttled) {
            throw new LoginThrottledException(throttled.getWait());
        }
        if (!authenticated) {
            throw new BadCredentialsException("wrong user id or password");
        }
        List<String> groups = cache.groupsOf(engine.getName(), userId,
            () -> identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
        List<String> tenants = cache.tenantsOf(engine.getName(), userId,
            () -> identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList());
        UsernamePasswordAuthenticationToken result = new EngineUser(userId, groups, tenants).authentication();
        result.setDetails(login.getDetails());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A login refused before its password was checked, because its source is over a budget. */
    static final class LoginThrottledException extends AuthenticationException {

        private final transient Duration wait;

        LoginThrottledException(Duration wait) {
            super("login throttled");
            this.wait = wait;
        }
    }

    /**
     * The answer to a missing or failed login, as the engine REST API gives it: 401 with
     * {@code WWW-Authenticate: Basic realm="<engine>"} and no body; a throttled login gets 429 with Retry-After.
     */
    static AuthenticationEntryPoint entryPoint(ProcessEngine engine) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                TooManyRequests.send(request, response, throttled.wait, LoginThrottle.MESSAGE);
                return;
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + engine.getName() + "\"");
        };
    }

}
