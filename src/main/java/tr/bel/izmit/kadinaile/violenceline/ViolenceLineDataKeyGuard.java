package tr.bel.izmit.kadinaile.violenceline;

import java.util.Arrays;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start without a valid data key for the violence line: missing, not base64 or not 32 bytes.
 * The development key that the {@code demo} and {@code test} profiles configure is public (it is in the
 * repository), so it is refused under every other profile. Runs before any bean is created, so nothing is
 * written before the check. Messages never contain the key.
 */
public class ViolenceLineDataKeyGuard implements BeanFactoryPostProcessor {

    static final String PROPERTY = "app.violence-line.data-key";
    static final String ENVIRONMENT_VARIABLE = "VIOLENCE_LINE_DATA_KEY";
    /** The development key of application-demo.properties and application-test.properties; only for those profiles. */
    static final String DEVELOPMENT_KEY = "9prfCkoeBMJxCPoCTDJvm0Pg+uXBG8ptSCvkL8q7Ijk=";

    private final Environment environment;

    public ViolenceLineDataKeyGuard(Environment environment) {
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
            key = FieldCipher.decodeKey(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Refusing to start: " + e.getMessage() + ". Set the environment variable "
                + ENVIRONMENT_VARIABLE + " to the base64 of 32 random bytes (for example the output of "
                + "'openssl rand -base64 32'), kept outside the database and the repository. It encrypts the personal "
                + "data of the violence line; losing it makes that data unreadable.");
        }
        if (Arrays.equals(key, FieldCipher.decodeKey(DEVELOPMENT_KEY)) && !environment.acceptsProfiles(Profiles.of("demo", "test"))) {
            throw new IllegalStateException("Refusing to start: the violence line's data key is the public development key, "
                + "which only the demo and test profiles may use. Set the environment variable " + ENVIRONMENT_VARIABLE
                + " to a key of your own (the base64 of 32 random bytes, e.g. 'openssl rand -base64 32').");
        }
        return key;
    }
}
