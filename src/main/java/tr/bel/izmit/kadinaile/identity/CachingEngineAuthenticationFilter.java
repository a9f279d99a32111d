package tr.bel.izmit.kadinaile.identity;

import java.util.List;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/** The engine's HTTP Basic authentication filter, with logins, groups and tenants taken from {@link EngineRestAuthenticationCache}. */
class CachingEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final EngineRestAuthenticationCache cache;

    CachingEngineAuthenticationFilter(EngineRestAuthenticationCache cache) {
        this.cache = cache;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        authenticationProvider = new CachingHttpBasicAuthenticationProvider(cache);
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

        CachingHttpBasicAuthenticationProvider(EngineRestAuthenticationCache cache) {
            this.cache = cache;
        }

        @Override
        protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
            return cache.isAuthenticated(engine.getName(), userName, password,
                () -> super.isAuthenticated(engine, userName, password));
        }
    }
}
