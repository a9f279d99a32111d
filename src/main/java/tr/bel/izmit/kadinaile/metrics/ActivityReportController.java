package tr.bel.izmit.kadinaile.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * The activity report for managers, as JSON, at {@code /api/staff/reports/activity} and at the issue's
 * {@code /api/reports/activity}. Both are behind HTTP Basic like the staff API (anonymous: 401); only the group
 * {@code managers} may read it (others: 403; the rules: {@link DashboardSecurity}).
 */
@RestController
class ActivityReportController {

    static final long MAX_DAYS = 366;
    /** The path of the report; authenticated like the staff API. */
    static final String REPORTS_PATH = "/api/reports";

    private final ActivityReport report;

    ActivityReportController(ActivityReport report) {
        this.report = report;
    }

    @GetMapping({"/api/staff/reports/activity", REPORTS_PATH + "/activity"})
    ActivityReport.Report activity(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] period = period(from, to);
        return report.report(period[0], period[1]);
    }

    /** The period's first and last day, or a validation error naming the field (Turkish). */
    static LocalDate[] period(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = parse("from", Texts.get("metrics.period.from"), from, errors);
        LocalDate end = parse("to", Texts.get("metrics.period.to"), to, errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new FieldError("to", Texts.get("metrics.period.end-before-start")));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", Texts.get("metrics.period.too-long", String.valueOf(MAX_DAYS))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate parse(String field, String label, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, Texts.get("metrics.period.required", label)));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, Texts.get("metrics.period.format", label)));
            return null;
        }
    }
}
