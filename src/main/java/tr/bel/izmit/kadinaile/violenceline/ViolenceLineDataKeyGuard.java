package tr.bel.izmit.kadinaile.violenceline;

import org.springframework.core.env.Environment;

import tr.bel.izmit.kadinaile.sensitive.DataKey;
import tr.bel.izmit.kadinaile.sensitive.DataKeyGuard;

/**
 * Refuses to start without a valid data key for the violence line (the kit's {@link DataKeyGuard}): missing, not
 * base64 or not 32 bytes, or the public development key outside the {@code demo} and {@code test} profiles.
 */
public class ViolenceLineDataKeyGuard extends DataKeyGuard {

    static final String PROPERTY = "app.violence-line.data-key";
    static final String ENVIRONMENT_VARIABLE = "VIOLENCE_LINE_DATA_KEY";
    /** The development key of application-demo.properties and application-test.properties; only for those profiles. */
    static final String DEVELOPMENT_KEY = "9prfCkoeBMJxCPoCTDJvm0Pg+uXBG8ptSCvkL8q7Ijk=";
    static final DataKey KEY = new DataKey("the violence line's data key", PROPERTY, ENVIRONMENT_VARIABLE, DEVELOPMENT_KEY,
        "the personal data of the violence line");

    public ViolenceLineDataKeyGuard(Environment environment) {
        super(environment, KEY);
    }

    /** @return the checked key */
    static byte[] check(Environment environment) {
        return KEY.check(environment);
    }
}
