package tr.bel.izmit.kadinaile.microcredit;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

@Configuration(proxyBeanMethods = false)
class MicrocreditConfiguration {

    @Bean
    ProcessAccessPolicy microcreditAccess() {
        return new ProcessAccessPolicy(MicrocreditProcess.KEY,
            EnumSet.of(StaffGroup.IZGIM_OFFICERS),
            EnumSet.of(StaffGroup.IZGIM_OFFICERS, StaffGroup.ENTREPRENEURSHIP_MENTORS, StaffGroup.MICROCREDIT_COMMITTEE,
                StaffGroup.MANAGERS, StaffGroup.FINANCE_OFFICERS),
            EnumSet.of(StaffGroup.IZGIM_OFFICERS, StaffGroup.FINANCE_OFFICERS),
            EnumSet.of(StaffGroup.MANAGERS),
            Set.of(MicrocreditProcess.DECISION_ELIGIBILITY),
            false);
    }

    @Bean
    SensitiveVariables microcreditSensitiveVariables() {
        return new SensitiveVariables(MicrocreditProcess.Vars.KEPT_OUT_OF_HISTORY);
    }
}
