package tr.bel.izmit.kadinaile.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

    @Bean
    static AdminPasswordGuard adminPasswordGuard(Environment environment) {
        return new AdminPasswordGuard(environment);
    }
}
