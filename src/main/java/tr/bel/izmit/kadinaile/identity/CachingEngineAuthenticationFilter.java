package tr.bel.izmit.kadinaile.identity;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import tr.bel.izmit.kadinaile.common.web.TooManyRequests;

/**
 * The engine's HTTP Basic authentication filter, with logins, groups and tenants taken from
 * {@link EngineRestAuthenticationCache}, and the addressed engine looked up once per name: the engine's own lookup
 * goes through {@link java.util.ServiceLoader}, which searches every jar on the class path for its service file on
 * every request (about 2 % of a request's processor time in the benchmark, docs/benchmarks.md). An engine lives as
 * long as the application context; names that address no engine are not remembered (they stay 404). A password that
 * is checked (not a remembered login) goes through the {@link LoginThrottle}: over its budgets the caller gets 429
 * with Retry-After instead of 401, and the password is not checked.
 */
class CachingEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final EngineRestAuthenticationCache cache;
    private final LoginThrottle throttle;
    private final Map<String, ProcessEngine> engines = new ConcurrentHashMap<>();

    CachingEngineAuthenticationFilter(EngineRestAuthenticationCache cache, LoginThrottle throttle) {
        this.cache = cache;
        this.throttle = throttle;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        authenticationProvider = new CachingHttpBasicAuthenticationProvider(cache, throttle);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            super.doFilter(request, response, chain);
        } catch (LoginThrottle.ThrottledException throttled) {
            // thrown by the authentication provider, before the chain: nothing has been written yet
            TooManyRequests.send((HttpServletRequest) request, (HttpServletResponse) response, throttled.getWait(),
                LoginThrottle.MESSAGE);
        }
    }

    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
        // a lookup that finds no engine (null) is not kept
        return engines.computeIfAbsent(engineName, super::getAddressedEngine);
    }

    @Override
    protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
        return cache.groupsOf(engine.getName(), userId, () -> super.getGroupsOfUser(engine, userId));
    }

    @Override
    protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
        return cache.tenantsOf(engine.getName(), userId, () -> super.getTenantsOfUser(engine, userId));
    }

    static final class CachingHttpBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

        private final EngineRestAuthenticationCache cache;
        private final LoginThrottle throttle;
        /** The caller's address while {@link #extractAuthenticatedUser} runs on this thread (the engine's API passes no request further). */
        private final ThreadLocal<String> clientAddress = new ThreadLocal<>();

        CachingHttpBasicAuthenticationProvider(EngineRestAuthenticationCache cache, LoginThrottle throttle) {
            this.cache = cache;
            this.throttle = throttle;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            clientAddress.set(request.getRemoteAddr());
            try {
                return super.extractAuthenticatedUser(request, engine);
            } finally {
                clientAddress.remove();
            }
        }

        /** A remembered login is no guess; only a password that is really checked counts against the throttle. */
        @Override
        protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
            return cache.isAuthenticated(engine.getName(), userName, password,
                () -> throttle.check(clientAddress.get(), userName, () -> super.isAuthenticated(engine, userName, password)));
        }
    }
}
