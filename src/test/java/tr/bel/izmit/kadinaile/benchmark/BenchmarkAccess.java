package tr.bel.izmit.kadinaile.benchmark;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;

import tr.bel.izmit.kadinaile.identity.ProcessAccessPolicy;
import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * Added to the application's context in the benchmark only: the benchmark process gets the microcredit process's
 * access policy, so that its staff work on it through the REST API with the authorization checks on. Not a
 * {@code @Configuration} (never component-scanned), registered as a source by {@link EngineUnderTest#ours}.
 */
public class BenchmarkAccess {

    @Bean
    ProcessAccessPolicy microcreditBenchmarkAccess() {
        return new ProcessAccessPolicy(EngineUnderTest.MICROCREDIT,
            EnumSet.of(StaffGroup.IZGIM_OFFICERS),
            EnumSet.of(StaffGroup.IZGIM_OFFICERS, StaffGroup.ENTREPRENEURSHIP_MENTORS, StaffGroup.MICROCREDIT_COMMITTEE),
            EnumSet.noneOf(StaffGroup.class),
            EnumSet.of(StaffGroup.MANAGERS),
            Set.of(),
            false);
    }
}
