package tr.bel.izmit.kadinaile.sensitive;

import java.util.Arrays;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * One service's data key as configured: the property that holds it (base64 of 32 bytes), the environment variable
 * operators set, and the public development key that only the {@code demo} and {@code test} profiles may use (it is in
 * the repository). {@link #check(Environment)} is the start-up check; its messages never contain the key.
 *
 * @param name what the messages call the key, e.g. "the counselling data key"
 * @param property e.g. {@code app.izgim.data-key}
 * @param environmentVariable e.g. {@code IZGIM_DATA_KEY}
 * @param developmentKey the key of application-demo.properties and application-test.properties
 * @param data what the key encrypts, e.g. "the counselling data"
 */
public record DataKey(String name, String property, String environmentVariable, String developmentKey, String data) {

    /**
     * @return the configured key, checked: present, base64, 32 bytes, and not the development key outside demo and test
     * @throws IllegalStateException otherwise, naming the environment variable to set
     */
    public byte[] check(Environment environment) {
        String configured = Binder.get(environment).bind(property, String.class).orElse("");
        byte[] key;
        try {
            key = SensitiveCipher.decodeKey(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Refusing to start: " + e.getMessage() + ". Set the environment variable "
                + environmentVariable + " to the base64 of 32 random bytes (for example the output of "
                + "'openssl rand -base64 32'), kept outside the database and the repository and different from every "
                + "other service's data key. It encrypts " + data + "; losing it makes that data unreadable.");
        }
        if (Arrays.equals(key, SensitiveCipher.decodeKey(developmentKey)) && !environment.acceptsProfiles(Profiles.of("demo", "test"))) {
            throw new IllegalStateException("Refusing to start: " + name + " is the public development key, which only the "
                + "demo and test profiles may use. Set the environment variable " + environmentVariable
                + " to a key of your own (the base64 of 32 random bytes, e.g. 'openssl rand -base64 32').");
        }
        return key;
    }

    /** Never prints the development key. */
    @Override
    public String toString() {
        return "DataKey[" + property + "]";
    }
}
