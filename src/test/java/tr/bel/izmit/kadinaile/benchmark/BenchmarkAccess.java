package tr.bel.izmit.kadinaile.benchmark;

import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.ENTREPRENEURSHIP_MENTORS;
import static tr.bel.izmit.kadinaile.microcredit.MicrocreditIdentityContribution.MICROCREDIT_COMMITTEE;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;

import tr.bel.izmit.kadinaile.identity.IdentityContribution;
import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Added to the application's context in the benchmark only: the benchmark process gets the microcredit process's
 * access policy, so that its staff work on it through the REST API with the authorization checks on. Not a
 * {@code @Configuration} (never component-scanned), registered as a source by {@link EngineUnderTest#ours}.
 */
public class BenchmarkAccess {

    @Bean
    IdentityContribution microcreditBenchmarkAccess() {
        ProcessAccessPolicy policy = new ProcessAccessPolicy(EngineUnderTest.MICROCREDIT,
            Set.of(StaffGroup.IZGIM_OFFICERS),
            Set.of(StaffGroup.IZGIM_OFFICERS, ENTREPRENEURSHIP_MENTORS, MICROCREDIT_COMMITTEE),
            Set.of(),
            Set.of(StaffGroup.MANAGERS),
            Set.of(),
            false,
            null);
        return new IdentityContribution() {
            @Override
            public List<StaffGroup> groups() {
                return List.of(); // the microcredit capability declares them
            }

            @Override
            public List<ProcessAccessPolicy> processes() {
                return List.of(policy);
            }
        };
    }
}
