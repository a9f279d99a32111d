package tr.bel.izmit.kadinaile.violenceline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The key check and the cipher of the violence line's encrypted case store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ViolenceLineProperties.class)
public class ViolenceCaseStoreConfiguration {

    @Bean
    static ViolenceLineDataKeyGuard violenceLineDataKeyGuard(Environment environment) {
        return new ViolenceLineDataKeyGuard(environment);
    }

    @Bean
    FieldCipher violenceLineFieldCipher(Environment environment) {
        return new FieldCipher(ViolenceLineDataKeyGuard.check(environment));
    }
}
