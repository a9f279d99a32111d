package tr.bel.izmit.kadinaile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * The year simulation ({@link YearSimulation}) at a fiftieth of İzmit's volume, on a real PostgreSQL: every figure of
 * the activity report of the year must equal what the simulation itself submitted and decided, and nothing the
 * simulation tried may have been refused or failed. No timing is asserted (the full run measures that).
 */
@SpringBootTest(properties = {"app.demo.enabled=false",
    // the calendar's scheduled reminders and waiting-line tick run on the wall clock: off, the year moves its own
    "app.izgim.calendar.reminder-interval=P3650D", "app.izgim.calendar.reminder-initial-delay=P3650D"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
class YearSimulationIT {

    private static final SimulatedMarketplace MARKETPLACE = new SimulatedMarketplace();

    @Autowired
    ApplicationContext context;
    @Autowired
    IdentityService identityService;

    @DynamicPropertySource
    static void marketplace(DynamicPropertyRegistry registry) {
        registry.add("app.producers.marketplace.base-url", MARKETPLACE::baseUrl);
        registry.add("app.producers.marketplace.api-key", () -> SimulatedMarketplace.API_KEY);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @AfterAll
    static void stopMarketplace() {
        MARKETPLACE.close();
    }

    @Test
    void shouldReportExactlyWhatTheSimulatedYearSubmittedAndDecided() {
        SimulatedYear year = SimulatedYear.of(context, SimulatedYear.Volumes.IZMIT.scaled(1 / 50.0), 2025, 2025, 2);
        long begin = System.nanoTime();
        year.play();
        System.out.printf("YEAR at 1/50 played in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        // printed, not asserted (issue 26): the test JVM holds the other test contexts of the run too
        System.out.printf("YEAR at 1/50, memory of the test JVM after the year: %s%n", Memory.steady().describe());
        SimulatedYear.Comparison comparison = year.compare();
        comparison.reported().entrySet().stream().filter(e -> e.getKey().startsWith("izgim"))
            .forEach(e -> System.out.printf("YEAR at 1/50 %s = %s%n", e.getKey(), e.getValue()));

        assertThat(year.problems()).as("refused actions and failed jobs").isEmpty();
        assertThat(comparison.differences()).as("report figures that differ from the tally").isEmpty();
        assertThat(comparison.expected()).as("figures the simulation expects").containsKeys("courses.applications",
            "producers.shopsOpened", "microcredit.repaidAmount", "violenceLine.casesClosed",
            "izgimCounselling.services.DIETITIAN.sessions", "izgimCounselling.services.DIETITIAN.medianWaitingDays",
            "izgimLibrary.libraryVisitors", "izgimLibrary.seminarParticipants");
        assertThat(comparison.reported().get("courses.applications")).isEqualTo("122");
        assertThat(Long.parseLong(comparison.reported().get("courses.certificates"))).isPositive();
        assertThat(Long.parseLong(comparison.reported().get("producers.shopsOpened"))).isEqualTo(MARKETPLACE.shopsOpened());
        assertThat(((CourseYear) year.parts().get(0)).seatModelMismatches()).isEmpty();
        // İZGİM (issue 23): the year's dietitian sessions and seminar participants were played, not only counted
        assertThat(Long.parseLong(comparison.reported().get("izgimCounselling.services.DIETITIAN.sessions"))).isGreaterThan(100);
        assertThat(Long.parseLong(comparison.reported().get("izgimLibrary.seminarParticipants"))).isPositive();
    }
}
