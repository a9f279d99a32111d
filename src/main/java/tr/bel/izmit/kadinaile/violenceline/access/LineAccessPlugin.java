package tr.bel.izmit.kadinaile.violenceline.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.identity.IdentityChanges;

/**
 * Installs the violence line's access guard in the engine: {@link LineIdentityProvider} as the identity provider
 * (memberships, passwords) and {@link LineAuthorizationCheck} for every authorization written.
 */
@Component
class LineAccessPlugin extends AbstractProcessEnginePlugin {

    private final LineAccessGuard guard;
    private final IdentityChanges changes;

    LineAccessPlugin(DataSource dataSource, Clock clock, IdentityChanges changes) {
        this.guard = new LineAccessGuard(new JdbcTemplate(dataSource), clock);
        this.changes = changes;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new LineIdentityProvider.Factory(guard, changes));
        List<SessionFactory> sessionFactories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessionFactories.addAll(configuration.getCustomSessionFactories());
        }
        sessionFactories.add(new LineAuthorizationCheck.Factory(guard));
        configuration.setCustomSessionFactories(sessionFactories);
    }
}
