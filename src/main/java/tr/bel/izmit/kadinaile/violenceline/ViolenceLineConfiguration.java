package tr.bel.izmit.kadinaile.violenceline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;

@Configuration(proxyBeanMethods = false)
class ViolenceLineConfiguration {

    @Bean
    SensitiveVariables violenceLineSensitiveVariables() {
        return new SensitiveVariables(ViolenceLineProcess.Vars.PERSONAL_DATA);
    }
}
