package tr.bel.izmit.kadinaile.metrics;

import java.time.LocalDate;

/**
 * A section of the activity report contributed by a capability (courses, producers ...), one bean each in the
 * capability's own package, so the report needs no change when a process lands. A section not contributed yet
 * is reported as null and listed in the report's {@code notYetAvailable}.
 */
public interface ReportSection {

    /** The section's name in the report: {@code courses} or {@code producers}. */
    String name();

    /**
     * The section's figures over a period, days in Turkish time with both ends included; a record that
     * serialises to JSON.
     */
    Object figures(LocalDate from, LocalDate to);
}
