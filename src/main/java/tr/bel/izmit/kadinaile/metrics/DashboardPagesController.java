package tr.bel.izmit.kadinaile.metrics;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tr.bel.izmit.kadinaile.common.TurkishFormats;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * The managers' pages in Turkish (the login comes from the Camunda web apps, see {@link DashboardSecurity}):
 * the dashboard {@code /yonetim} with its tables, drawn as charts by {@code dashboard.js} from {@code /yonetim/veri},
 * each table as CSV at {@code /yonetim/csv}, and the printable activity report {@code /yonetim/rapor}.
 */
@Controller
class DashboardPagesController {

    private final Dashboard dashboard;
    private final DashboardTables tables;
    private final ActivityReport activityReport;
    private final ReportPdf reportPdf;
    private final Clock clock;

    DashboardPagesController(Dashboard dashboard, DashboardTables tables, ActivityReport activityReport,
            ReportPdf reportPdf, Clock clock) {
        this.reportPdf = reportPdf;
        this.dashboard = dashboard;
        this.tables = tables;
        this.activityReport = activityReport;
        this.clock = clock;
    }

    @GetMapping(DashboardSecurity.PAGES)
    String panel(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response, Principal caller) {
        String user = caller.getName();
        model.addAttribute("user", user);
        model.addAttribute("periodParam", period == null || period.isBlank() ? "month" : period.strip().toLowerCase());
        model.addAttribute("fromParam", from);
        model.addAttribute("toParam", to);
        Dashboard.Period chosen;
        try {
            chosen = DashboardController.period(period, from, to, clock);
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.getErrors());
            chosen = DashboardController.period("month", null, null, clock);
            model.addAttribute("periodParam", "month");
        }
        Dashboard.View view = dashboard.view(chosen);
        model.addAttribute("period", chosen);
        model.addAttribute("periodText", TurkishFormats.DATE.format(chosen.from()) + " – " + TurkishFormats.DATE.format(chosen.to()));
        model.addAttribute("query", "period=" + chosen.kind().name().toLowerCase() + "&from=" + chosen.from() + "&to=" + chosen.to());
        model.addAttribute("view", view);
        model.addAttribute("tables", tables.tables(view));
        model.addAttribute("notYetAvailable", view.notYetAvailable().stream().map(DashboardTables::label).toList());
        return "yonetim/panel";
    }

    /** The tables of the dashboard for its script (same period parameters). */
    @GetMapping(DashboardSecurity.PAGES + "/veri")
    @ResponseBody
    List<DashboardTables.Table> data(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return tables.tables(dashboard.view(DashboardController.period(period, from, to, clock)));
    }

    @GetMapping(DashboardSecurity.PAGES + "/csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String tablo, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return DashboardController.csv(tables, dashboard, tablo, DashboardController.period(period, from, to, clock));
    }

    /** The activity report as a PDF file (A4, Turkish). */
    @GetMapping(DashboardSecurity.PAGES + "/rapor.pdf")
    ResponseEntity<byte[]> reportPdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate[] days = ActivityReportController.period(from, to);
        byte[] pdf = reportPdf.render(activityReport.report(days[0], days[1]));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("faaliyet-raporu-" + days[0] + "-" + days[1] + ".pdf").build().toString())
            .body(pdf);
    }

    /** The activity report to print (or save as PDF from the browser's print dialogue); the year so far by default. */
    @GetMapping(DashboardSecurity.PAGES + "/rapor")
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            HttpServletResponse response) {
        LocalDate today = LocalDate.now(clock);
        String start = from == null || from.isBlank() ? today.withDayOfYear(1).toString() : from;
        String end = to == null || to.isBlank() ? today.toString() : to;
        model.addAttribute("fromParam", start);
        model.addAttribute("toParam", end);
        LocalDate[] days;
        try {
            days = ActivityReportController.period(start, end);
        } catch (ValidationFailedException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.getErrors());
            return "yonetim/rapor";
        }
        ActivityReport.Report report = activityReport.report(days[0], days[1]);
        model.addAttribute("periodText", TurkishFormats.DATE.format(days[0]) + " – " + TurkishFormats.DATE.format(days[1]));
        model.addAttribute("tables", tables.reportTables(report));
        model.addAttribute("pdfLink", "/yonetim/rapor.pdf?from=" + days[0] + "&to=" + days[1]);
        model.addAttribute("notYetAvailable", report.notYetAvailable().stream().map(DashboardTables::label).toList());
        return "yonetim/rapor";
    }
}
