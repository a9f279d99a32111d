package tr.bel.izmit.kadinaile.identity;

import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start outside the {@code demo} profile when the administrator's password is empty or one of
 * the well-known defaults. Runs before any bean is created, so no administrator with a weak password is
 * ever written to the database.
 */
public class AdminPasswordGuard implements BeanFactoryPostProcessor {

    static final String PROPERTY = "camunda.bpm.admin-user.password";
    private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "camunda", "changeme", "123456", "parola", "sifre");

    private final Environment environment;

    public AdminPasswordGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String password = environment.getProperty(PROPERTY, "");
        if (password.isBlank() || DEFAULTS.contains(password.toLowerCase(Locale.ROOT)) || password.length() < 12) {
            throw new IllegalStateException("Refusing to start: set ADMIN_PASSWORD to a strong administrator password "
                + "(at least 12 characters, not a default such as 'demo' or 'admin'); only the demo profile may run without one.");
        }
    }
}
