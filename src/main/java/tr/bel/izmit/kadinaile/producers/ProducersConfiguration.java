package tr.bel.izmit.kadinaile.producers;

import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

@Configuration(proxyBeanMethods = false)
class ProducersConfiguration {

    @Bean
    SensitiveVariables producersSensitiveVariables() {
        Set<String> names = new HashSet<>(ProducerOnboardingProcess.Vars.KEPT_OUT_OF_HISTORY);
        names.addAll(MarketStandProcess.Vars.KEPT_OUT_OF_HISTORY);
        return new SensitiveVariables(names);
    }
}
