package tr.bel.izmit.kadinaile.izgim;

import java.util.Arrays;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start without a valid key for the counselling data: missing, not base64 or not 32 bytes. The development
 * key of the {@code demo} and {@code test} profiles is public (it is in the repository), so it is refused under every
 * other profile. Runs before any bean is created. Messages never contain the key.
 */
public class IzgimDataKeyGuard implements BeanFactoryPostProcessor {

    static final String PROPERTY = "app.izgim.data-key";
    static final String ENVIRONMENT_VARIABLE = "IZGIM_DATA_KEY";
    /** The development key of application-demo.properties and application-test.properties; only for those profiles. */
    static final String DEVELOPMENT_KEY = "Jz4Qm1b3qk0o7Xv2W9cY5tHn8Lr6Ue1Sa3Df0Gh2Jk4=";

    private final Environment environment;

    public IzgimDataKeyGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    /** @return the checked key */
    static byte[] check(Environment environment) {
        String configured = Binder.get(environment).bind(PROPERTY, String.class).orElse("");
        byte[] key;
        try {
            key = CounsellingCipher.decodeKey(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Refusing to start: " + e.getMessage() + ". Set the environment variable "
                + ENVIRONMENT_VARIABLE + " to the base64 of 32 random bytes (for example the output of "
                + "'openssl rand -base64 32'), kept outside the database and the repository and different from the "
                + "violence line's key. It encrypts the counselling data; losing it makes that data unreadable.");
        }
        if (Arrays.equals(key, CounsellingCipher.decodeKey(DEVELOPMENT_KEY)) && !environment.acceptsProfiles(Profiles.of("demo", "test"))) {
            throw new IllegalStateException("Refusing to start: the counselling data key is the public development key, "
                + "which only the demo and test profiles may use. Set the environment variable " + ENVIRONMENT_VARIABLE
                + " to a key of your own (the base64 of 32 random bytes, e.g. 'openssl rand -base64 32').");
        }
        return key;
    }
}
