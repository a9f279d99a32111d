package tr.bel.izmit.kadinaile.courses;

import org.springframework.context.annotation.Import;

import tr.bel.izmit.kadinaile.support.EmbeddedPostgresConfiguration;

/**
 * The courses section of the activity report on a real PostgreSQL: the same known mix through the real process as
 * {@link CoursesReportSectionTests}, every figure asserted exactly (the report's SQL runs on the production database).
 */
@Import(EmbeddedPostgresConfiguration.class)
class CoursesReportSectionPostgresIT extends CoursesReportSectionTests {
}
