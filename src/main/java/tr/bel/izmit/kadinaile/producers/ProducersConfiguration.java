package tr.bel.izmit.kadinaile.producers;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.producers.stands.MarketStandProcess;

@Configuration(proxyBeanMethods = false)
class ProducersConfiguration {

    @Bean
    ProcessAccessPolicy producerOnboardingAccess() {
        return new ProcessAccessPolicy(ProducerOnboardingProcess.KEY,
            EnumSet.of(StaffGroup.MARKET_COORDINATORS),
            EnumSet.of(StaffGroup.MARKET_COORDINATORS, StaffGroup.FOOD_SAFETY_OFFICERS),
            EnumSet.of(StaffGroup.MARKET_COORDINATORS),
            EnumSet.of(StaffGroup.MANAGERS),
            Set.of(),
            false);
    }

    @Bean
    ProcessAccessPolicy marketStandRequestAccess() {
        return new ProcessAccessPolicy(MarketStandProcess.KEY,
            EnumSet.of(StaffGroup.MARKET_COORDINATORS),
            EnumSet.of(StaffGroup.MARKET_COORDINATORS),
            EnumSet.of(StaffGroup.MARKET_COORDINATORS),
            EnumSet.of(StaffGroup.MANAGERS),
            Set.of(),
            false);
    }

    @Bean
    SensitiveVariables producersSensitiveVariables() {
        Set<String> names = new HashSet<>(ProducerOnboardingProcess.Vars.KEPT_OUT_OF_HISTORY);
        names.addAll(MarketStandProcess.Vars.KEPT_OUT_OF_HISTORY);
        return new SensitiveVariables(names);
    }
}
