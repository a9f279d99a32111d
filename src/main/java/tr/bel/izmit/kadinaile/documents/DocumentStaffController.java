package tr.bel.izmit.kadinaile.documents;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The service's staff read what an applicant uploaded: the list of a case's documents (an HTML page the officer opens
 * from her Tasklist form, or JSON) and each file. Who may is decided before this runs, by the process's access policy
 * ({@link DocumentsSecurity}); the path names the process, and a case of another process is not found here. A file
 * goes out as an attachment with its detected type, never rendered in the application's origin. Every opening of a
 * file is logged with the user and the document's id (no personal data).
 */
@Controller
@RequestMapping(DocumentsSecurity.STAFF_PATH + "/{processKey}/{trackingCode}")
class DocumentStaffController {

    private static final Logger AUDIT = LoggerFactory.getLogger("documents.audit");

    private final DocumentCatalog catalog;
    private final DocumentStore store;

    DocumentStaffController(DocumentCatalog catalog, DocumentStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** One uploaded document in the staff's list. */
    record DocumentView(long id, String documentKey, String label, String contentType, long sizeBytes, String uploadedAt,
            String href) {
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String processKey, @PathVariable String trackingCode, Model model) {
        RequiredDocuments service = service(processKey, trackingCode);
        model.addAttribute("service", service);
        model.addAttribute("trackingCode", trackingCode);
        model.addAttribute("documents", views(service, trackingCode));
        return "documents/staff";
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> list(@PathVariable String processKey, @PathVariable String trackingCode) {
        RequiredDocuments service = service(processKey, trackingCode);
        return Map.of("trackingCode", trackingCode, "documents", views(service, trackingCode));
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> file(@PathVariable String processKey, @PathVariable String trackingCode, @PathVariable long id,
            Authentication user) {
        RequiredDocuments service = service(processKey, trackingCode);
        UploadedDocument document = store.find(id)
            .filter(found -> found.processKey().equals(service.processKey()) && found.trackingCode().equals(trackingCode))
            .orElseThrow(() -> new NoSuchElementException("no such document"));
        AUDIT.info("document {} of case {} ({}) opened by {}", id, trackingCode, processKey, user.getName());
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(document.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(trackingCode + "-" + document.documentKey() + "-" + id + "." + document.extension()).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "sandbox; default-src 'none'")
            .body(store.content(id));
    }

    private RequiredDocuments service(String processKey, String trackingCode) {
        return catalog.byTrackingCode(trackingCode).filter(service -> service.processKey().equals(processKey))
            .orElseThrow(() -> new NoSuchElementException("no such case"));
    }

    private List<DocumentView> views(RequiredDocuments service, String trackingCode) {
        return store.list(service.processKey(), trackingCode).stream()
            .map(document -> new DocumentView(document.id(), document.documentKey(), service.documents().stream()
                .filter(required -> required.key().equals(document.documentKey())).map(RequiredDocument::label).findFirst()
                .orElse(document.documentKey()), document.contentType(), document.sizeBytes(),
                PortalDocumentsController.DATE_TIME.format(document.uploadedAt()),
                DocumentsSecurity.STAFF_PATH + "/" + service.processKey() + "/" + trackingCode + "/" + document.id()))
            .toList();
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    @ResponseBody
    Map<String, String> notFound() {
        return Map.of("message", Texts.get("documents.staff.not-found"));
    }
}
