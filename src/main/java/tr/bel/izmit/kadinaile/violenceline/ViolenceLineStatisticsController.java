package tr.bel.izmit.kadinaile.violenceline;

import static tr.bel.izmit.kadinaile.violenceline.ViolenceLineIdentityContribution.VIOLENCE_LINE_SUPERVISORS;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/** Anonymous violence-line figures for managers and the line's supervisors; small counts suppressed. */
@RestController
class ViolenceLineStatisticsController {

    private final ViolenceLineStatistics statistics;
    private final Clock clock;

    ViolenceLineStatisticsController(ViolenceLineStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/staff/violence-line/statistics")
    ViolenceLineStatistics.Report statistics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw ValidationFailedException.of("to", Texts.get("violenceline.statistics.validation.end-before-start"));
        }
        return statistics.report(start, end);
    }
}
