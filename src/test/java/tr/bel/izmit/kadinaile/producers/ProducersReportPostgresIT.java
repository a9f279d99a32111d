package tr.bel.izmit.kadinaile.producers;

import org.springframework.context.annotation.Import;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * The producers section of the activity report on a real PostgreSQL: the same known mix of applications, shops,
 * orders and stands through the real processes as {@link ProducersReportTests}, every figure asserted exactly.
 */
@Import(EmbeddedPostgresConfiguration.class)
class ProducersReportPostgresIT extends ProducersReportTests {
}
