package tr.bel.izmit.kadinaile.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import tr.bel.izmit.kadinaile.common.TurkishFormats;

/**
 * The activity report as a PDF: the template {@code yonetim/rapor-pdf} (well-formed XHTML) rendered by
 * openhtmltopdf on PDFBox, with DejaVu Sans embedded (from the jasperreports-fonts jar), since the PDF base
 * fonts have no ş, ğ, ı or İ.
 */
@Component
class ReportPdf {

    static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String FONT_BOLD = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private final TemplateEngine templates;
    private final DashboardTables tables;

    ReportPdf(TemplateEngine templates, DashboardTables tables) {
        this.templates = templates;
        this.tables = tables;
    }

    byte[] render(ActivityReport.Report report) {
        Context context = new Context(TurkishFormats.TURKISH, Map.of(
            "periodText", TurkishFormats.DATE.format(report.from()) + " – " + TurkishFormats.DATE.format(report.to()),
            "tables", tables.reportTables(report),
            "notYetAvailable", report.notYetAvailable().stream().map(DashboardTables::label).toList()));
        String html = templates.process("yonetim/rapor-pdf", context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(FONT), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(FONT_BOLD), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font(String path) {
        InputStream font = ReportPdf.class.getResourceAsStream(path);
        if (font == null) {
            throw new IllegalStateException("font missing from the classpath: " + path);
        }
        return font;
    }
}
