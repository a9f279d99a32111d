package tr.bel.izmit.kadinaile.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * The engine's HTTP Basic authentication filter, with logins, groups and tenants taken from
 * {@link EngineRestAuthenticationCache}, and the addressed engine looked up once per name: the engine's own lookup
 * goes through {@link java.util.ServiceLoader}, which searches every jar on the class path for its service file on
 * every request (about 2 % of a request's processor time in the benchmark, docs/benchmarks.md). An engine lives as
 * long as the application context; names that address no engine are not remembered (they stay 404).
 */
class CachingEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final EngineRestAuthenticationCache cache;
    private final Map<String, ProcessEngine> engines = new ConcurrentHashMap<>();

    CachingEngineAuthenticationFilter(EngineRestAuthenticationCache cache) {
        this.cache = cache;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        authenticationProvider = new CachingHttpBasicAuthenticationProvider(cache);
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
