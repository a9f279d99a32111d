package tr.bel.izmit.kadinaile.benchmark;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The baseline: Camunda 7.24 as the Spring Boot starter gives it (the same starters and versions as the
 * application), with none of our configuration, beans or plugins. No application.properties is read (see
 * {@link EngineUnderTest#baseline}); the only settings are the database, the port, and "no auto-deployment, no
 * Flyway", so that both engines run exactly the benchmark's models on an empty schema.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan (which also sees test classes in
 * tests) must never pick it up.
 */
@EnableAutoConfiguration
public class BaselineEngine {
}
