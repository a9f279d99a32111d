package tr.bel.izmit.kadinaile.microcredit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;

@Configuration(proxyBeanMethods = false)
class MicrocreditConfiguration {

    @Bean
    SensitiveVariables microcreditSensitiveVariables() {
        return new SensitiveVariables(MicrocreditProcess.Vars.KEPT_OUT_OF_HISTORY);
    }
}
