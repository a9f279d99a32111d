package tr.bel.izmit.kadinaile.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The portal's upload page {@code /basvuru/belgeler}: the applicant gives her tracking code, picks which document
 * she sends and chooses a PDF or a photo. It lies behind the portal's door ({@code portal.PortalSecurity}): the same
 * CSRF check (the token travels in the form's address, since the portal does not parse multipart bodies before the
 * check) and the same per-client limit on submissions. Showing the page looks nothing up, so it tells nobody whether a
 * code exists; only an upload does, and it counts against the limit.
 *
 * <p>Multipart bodies are parsed here only (Commons FileUpload, streaming, with a size limit of the file plus the small
 * fields), so {@code spring.servlet.multipart} stays off for every other endpoint.
 */
@Controller
@RequestMapping("/basvuru/belgeler")
class PortalDocumentsController {

    static final String PARAMETER_CODE = "kod";
    private static final int MAX_FIELD = 100;

    private final DocumentCatalog catalog;
    private final DocumentUploads uploads;

    PortalDocumentsController(DocumentCatalog catalog, DocumentUploads uploads) {
        this.catalog = catalog;
        this.uploads = uploads;
    }

    /** One line of the error summary and the id of its field. */
    record ErrorLink(String message, String target) {
    }

    /** An uploaded file as the applicant sees it: which document, when, what kind. */
    record UploadedView(String label, String uploadedAt, String kind) {
    }

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getToken();
    }

    @ModelAttribute("csrfParameter")
    String csrfParameter(HttpServletRequest request) {
        return ((CsrfToken) request.getAttribute(CsrfToken.class.getName())).getParameterName();
    }

    @ModelAttribute("maxMegabytes")
    long maxMegabytes() {
        return uploads.maxMegabytes();
    }

    @GetMapping
    String page(@RequestParam(name = PARAMETER_CODE, required = false) String code, Model model) {
        show(normalize(code), null, Map.of(), model);
        return "documents/upload";
    }

    @PostMapping(consumes = "multipart/form-data")
    String upload(HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] content = null;
        try {
            JakartaServletFileUpload<?, ?> parser = new JakartaServletFileUpload<>();
            parser.setSizeMax(uploads.maxBytes() + 64 * 1024);
            parser.setFileCountMax(10);
            FileItemInputIterator items = parser.getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                try (InputStream in = item.getInputStream()) {
                    if (item.isFormField()) {
                        fields.putIfAbsent(item.getFieldName(), new String(in.readNBytes(MAX_FIELD), StandardCharsets.UTF_8).trim());
                    } else if (DocumentUploads.FIELD_FILE.equals(item.getFieldName()) && content == null) {
                        // one byte more than allowed is enough to know that it is too large
                        content = in.readNBytes((int) uploads.maxBytes() + 1);
                    }
                }
            }
        } catch (FileUploadSizeException e) {
            return refused(fields, new UploadRefusedException(413, DocumentUploads.FIELD_FILE,
                Texts.get("documents.upload.file.too-large", uploads.maxMegabytes())), response, model);
        } catch (FileUploadException e) {
            return refused(fields, new UploadRefusedException(400, DocumentUploads.FIELD_FILE, Texts.get("documents.upload.broken")),
                response, model);
        } catch (IOException e) {
            return refused(fields, new UploadRefusedException(400, DocumentUploads.FIELD_FILE, Texts.get("documents.upload.broken")),
                response, model);
        }
        String code = normalize(fields.get(PARAMETER_CODE));
        try {
            uploads.upload(code, fields.get(DocumentUploads.FIELD_DOCUMENT), content);
        } catch (UploadRefusedException e) {
            return refused(fields, e, response, model);
        } catch (NoSuchElementException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            String message = Texts.get("documents.upload.code.unknown");
            show(code, null, Map.of(PARAMETER_CODE, message), model);
            model.addAttribute("errors", List.of(new ErrorLink(message, "kod")));
            return "documents/upload";
        }
        response.setStatus(HttpServletResponse.SC_OK);
        show(code, null, Map.of(), model);
        model.addAttribute("notice", Texts.get("documents.upload.done"));
        catalog.byTrackingCode(code).ifPresent(service -> model.addAttribute("uploaded", uploads.uploaded(service.processKey(), code)
            .stream().map(document -> new UploadedView(label(service, document.documentKey()),
                DATE_TIME.format(document.uploadedAt()), document.extension().toUpperCase(Locale.ROOT))).toList()));
        return "documents/upload";
    }

    private String refused(Map<String, String> fields, UploadRefusedException refusal, HttpServletResponse response, Model model) {
        response.setStatus(refusal.status());
        FieldError error = refusal.error();
        show(normalize(fields.get(PARAMETER_CODE)), fields.get(DocumentUploads.FIELD_DOCUMENT), Map.of(error.field(), error.message()), model);
        model.addAttribute("errors", List.of(new ErrorLink(error.message(), error.field())));
        return "documents/upload";
    }

    private void show(String code, String selected, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("service", catalog.byTrackingCode(code).filter(RequiredDocuments::uploadable).orElse(null));
        model.addAttribute("selected", selected);
        model.addAttribute("fieldErrors", fieldErrors);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
    }

    private static String label(RequiredDocuments service, String documentKey) {
        return service.documents().stream().filter(document -> document.key().equals(documentKey))
            .map(RequiredDocument::label).findFirst().orElse(documentKey);
    }

    /** "mk 7f3k 9q2x" and "MK7F3K9Q2X" are read as MK-7F3K-9Q2X, as on the status page. */
    static String normalize(String code) {
        if (code == null) {
            return "";
        }
        String compact = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() > 40) {
            return compact.substring(0, 40);
        }
        return compact.matches("[A-Z]{2}[0-9A-Z]{8}")
            ? compact.substring(0, 2) + "-" + compact.substring(2, 6) + "-" + compact.substring(6)
            : compact;
    }

    static final java.time.format.DateTimeFormatter DATE_TIME = java.time.format.DateTimeFormatter
        .ofPattern("dd.MM.yyyy HH:mm", Locale.forLanguageTag("tr-TR")).withZone(java.time.ZoneId.of("Europe/Istanbul"));
}
