package tr.bel.izmit.kadinaile.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * The dashboard as JSON and its tables as CSV for managers, under {@code /api/staff/} (HTTP Basic; anonymous:
 * 401, staff outside {@code managers}: 403). {@code period} is {@code week}, {@code month} (default),
 * {@code year} (each up to today) or {@code custom} with {@code from} and {@code to}.
 */
@RestController
class DashboardController {

    static final String PATH = "/api/staff/dashboard";

    private final Dashboard dashboard;
    private final DashboardTables tables;
    private final Clock clock;

    DashboardController(Dashboard dashboard, DashboardTables tables, Clock clock) {
        this.dashboard = dashboard;
        this.tables = tables;
        this.clock = clock;
    }

    @GetMapping(PATH)
    Dashboard.View view(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return dashboard.view(period(period, from, to, clock));
    }

    @GetMapping(PATH + "/tables")
    List<DashboardTables.Table> tables(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return tables.tables(dashboard.view(period(period, from, to, clock)));
    }

    @GetMapping(PATH + "/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String table, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return csv(tables, dashboard, table, period(period, from, to, clock));
    }

    static ResponseEntity<byte[]> csv(DashboardTables tables, Dashboard dashboard, String table, Dashboard.Period period) {
        if (table == null || table.isBlank()) {
            throw ValidationFailedException.of("table", Texts.get("metrics.dashboard.validation.table"));
        }
        DashboardTables.Table found = tables.table(dashboard.view(period), table)
            .orElseThrow(() -> new NoSuchElementException(table));
        String name = found.id() + "-" + period.from() + "-" + period.to() + ".csv";
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .body(DashboardTables.csv(found));
    }

    /** The period asked for, or a validation error naming the field (Turkish). */
    static Dashboard.Period period(String period, String from, String to, Clock clock) {
        Dashboard.PeriodKind kind;
        try {
            kind = period == null || period.isBlank() ? Dashboard.PeriodKind.MONTH
                : Dashboard.PeriodKind.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationFailedException.of("period", Texts.get("metrics.dashboard.validation.period"));
        }
        if (kind == Dashboard.PeriodKind.CUSTOM) {
            LocalDate[] days = ActivityReportController.period(from, to);
            return new Dashboard.Period(kind, days[0], days[1]);
        }
        return Dashboard.Period.of(kind, LocalDate.now(clock), null, null);
    }
}
