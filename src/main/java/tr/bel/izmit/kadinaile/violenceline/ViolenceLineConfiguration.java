package tr.bel.izmit.kadinaile.violenceline;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.engine.SensitiveVariables;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

@Configuration(proxyBeanMethods = false)
class ViolenceLineConfiguration {

    static final Set<StaffGroup> LINE_STAFF = EnumSet.of(StaffGroup.VIOLENCE_LINE_OPERATORS,
        StaffGroup.VIOLENCE_LINE_SOCIAL_WORKERS, StaffGroup.VIOLENCE_LINE_SUPERVISORS);

    /** Only the line's three groups see these cases; started only by operators, from Tasklist. */
    @Bean
    ProcessAccessPolicy violenceLineAccess() {
        return new ProcessAccessPolicy(ViolenceLineProcess.KEY,
            EnumSet.of(StaffGroup.VIOLENCE_LINE_OPERATORS),
            LINE_STAFF,
            EnumSet.of(StaffGroup.VIOLENCE_LINE_SOCIAL_WORKERS, StaffGroup.VIOLENCE_LINE_SUPERVISORS),
            LINE_STAFF,
            Set.of(ViolenceLineProcess.DECISION_RISK_LEVEL),
            true);
    }

    @Bean
    SensitiveVariables violenceLineSensitiveVariables() {
        return new SensitiveVariables(ViolenceLineProcess.Vars.PERSONAL_DATA);
    }
}
