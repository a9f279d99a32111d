package tr.bel.izmit.kadinaile.izgim;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;

/** The key check and the cipher of the counselling case store; the request's personal data kept out of the history. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IzgimProperties.class)
public class CounsellingConfiguration {

    @Bean
    static IzgimDataKeyGuard izgimDataKeyGuard(Environment environment) {
        return new IzgimDataKeyGuard(environment);
    }

    @Bean
    CounsellingCipher counsellingCipher(Environment environment) {
        return new CounsellingCipher(IzgimDataKeyGuard.check(environment));
    }

    @Bean
    SensitiveVariables counsellingSensitiveVariables() {
        return new SensitiveVariables(CounsellingProcess.Vars.PERSONAL_DATA);
    }
}
