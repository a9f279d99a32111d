package tr.bel.izmit.kadinaile.izgim;

import org.springframework.core.env.Environment;

import tr.bel.izmit.kadinaile.sensitive.DataKey;
import tr.bel.izmit.kadinaile.sensitive.DataKeyGuard;

/**
 * Refuses to start without a valid key for the counselling data (the kit's {@link DataKeyGuard}): missing, not base64
 * or not 32 bytes, or the public development key outside the {@code demo} and {@code test} profiles.
 */
public class IzgimDataKeyGuard extends DataKeyGuard {

    static final String PROPERTY = "app.izgim.data-key";
    static final String ENVIRONMENT_VARIABLE = "IZGIM_DATA_KEY";
    /** The development key of application-demo.properties and application-test.properties; only for those profiles. */
    static final String DEVELOPMENT_KEY = "Jz4Qm1b3qk0o7Xv2W9cY5tHn8Lr6Ue1Sa3Df0Gh2Jk4=";
    static final DataKey KEY = new DataKey("the counselling data key", PROPERTY, ENVIRONMENT_VARIABLE, DEVELOPMENT_KEY,
        "the counselling data");

    public IzgimDataKeyGuard(Environment environment) {
        super(environment, KEY);
    }

    /** @return the checked key */
    static byte[] check(Environment environment) {
        return KEY.check(environment);
    }
}
