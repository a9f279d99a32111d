package tr.bel.izmit.kadinaile.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directorate's activity report over a period (days in Turkish time, both ends included), in the spirit
 * of the year-end press report: the {@link ReportSection}s the capabilities contribute, in their order (each
 * reads its own tables with a few aggregate queries; confidential ones report anonymous aggregates only). A
 * section without figures yet is reported as null and listed in {@code notYetAvailable}, not as zeros.
 */
@Service
@Transactional(readOnly = true)
public class ActivityReport {

    private final List<ReportSection> sections;

    ActivityReport(List<ReportSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(ReportSection::order)).toList();
    }

    /** One section's figures (null: not yet available). */
    public record Part(ReportSection section, Object figures) {

        public String name() {
            return section.name();
        }
    }

    /**
     * The report; in JSON {@code from}, {@code to}, every section's figures under its name, then
     * {@code notYetAvailable}.
     */
    public record Report(LocalDate from, LocalDate to, List<Part> parts) {

        /** A section's figures by its name, null when it is not contributed or has no figures yet. */
        public Object section(String name) {
            return parts.stream().filter(part -> part.name().equals(name)).map(Part::figures).findFirst().orElse(null);
        }

        public List<String> notYetAvailable() {
            return ActivityReport.notYetAvailable(parts);
        }

        @JsonValue
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", from);
            json.put("to", to);
            parts.forEach(part -> json.put(part.name(), part.figures()));
            json.put("notYetAvailable", notYetAvailable());
            return json;
        }
    }

    public Report report(LocalDate from, LocalDate to) {
        return new Report(from, to, sections.stream().map(section -> new Part(section, section.figures(from, to))).toList());
    }

    /** Every section's figures as the dashboard shows them, in order. */
    List<Part> dashboardParts(LocalDate from, LocalDate to, Instant now) {
        return sections.stream().map(section -> new Part(section, section.dashboardFigures(from, to, now))).toList();
    }

    static List<String> notYetAvailable(List<Part> parts) {
        return parts.stream().filter(part -> part.figures() == null).map(Part::name).toList();
    }
}
