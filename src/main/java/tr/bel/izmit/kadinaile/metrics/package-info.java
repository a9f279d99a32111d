/**
 * The managers' dashboard, the activity report and the engine's meters. It names no capability: the capabilities
 * contribute their report sections ({@link ReportSection}) and approval outcomes ({@link ProcessOutcomes}).
 */
@ApplicationModule(displayName = "Metrics and reports")
package tr.bel.izmit.kadinaile.metrics;

import org.springframework.modulith.ApplicationModule;
