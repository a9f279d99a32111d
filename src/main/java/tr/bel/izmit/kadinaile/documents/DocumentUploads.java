package tr.bel.izmit.kadinaile.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.tika.Tika;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * A citizen's upload by tracking code: one of the documents her service declares, a PDF or a photo (JPEG, PNG) as
 * Apache Tika detects it from the bytes (magic numbers; neither the file name nor the browser's content type is
 * believed), at most {@code app.documents.max-file-size} (5 MB) and {@code app.documents.max-files-per-case} files per
 * case, for a case that is still open. It is stored whole in {@code doc_upload} or not at all.
 */
@Service
public class DocumentUploads {

    static final String FIELD_DOCUMENT = "belge";
    static final String FIELD_FILE = "dosya";
    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/jpeg", "image/png");

    /** Only tika-core's magic-byte detector: no parsers, and no file name is ever passed to it. */
    private final Tika tika = new Tika();
    private final DocumentCatalog catalog;
    private final DocumentStore store;
    private final HistoryService historyService;
    private final Clock clock;
    private final long maxBytes;
    private final int maxFilesPerCase;

    DocumentUploads(DocumentCatalog catalog, DocumentStore store, HistoryService historyService, Clock clock,
            @Value("${app.documents.max-file-size:5MB}") DataSize maxFileSize,
            @Value("${app.documents.max-files-per-case:20}") int maxFilesPerCase) {
        this.catalog = catalog;
        this.store = store;
        this.historyService = historyService;
        this.clock = clock;
        this.maxBytes = maxFileSize.toBytes();
        this.maxFilesPerCase = maxFilesPerCase;
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The largest file accepted, in whole megabytes, for the texts. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / (1024 * 1024));
    }

    /**
     * Stores one uploaded file of the case with this tracking code.
     *
     * @param content the file's bytes; more than {@link #maxBytes()} are refused (a caller may cut a longer file at
     *     {@code maxBytes() + 1})
     * @throws NoSuchElementException for a tracking code of no open case of a service that takes uploads
     * @throws UploadRefusedException for a wrong document, an empty, too large or wrong file, or too many files
     */
    @Transactional
    public UploadedDocument upload(String trackingCode, String documentKey, byte[] content) {
        RequiredDocuments service = catalog.byTrackingCode(trackingCode).filter(RequiredDocuments::uploadable)
            .orElseThrow(() -> new NoSuchElementException("no service takes uploads for this code"));
        if (documentKey == null || service.documents().stream().noneMatch(document -> document.key().equals(documentKey))) {
            throw new UploadRefusedException(400, FIELD_DOCUMENT, Texts.get("documents.upload.document.required"));
        }
        if (content == null || content.length == 0) {
            throw new UploadRefusedException(400, FIELD_FILE, Texts.get("documents.upload.file.empty"));
        }
        if (content.length > maxBytes) {
            throw new UploadRefusedException(413, FIELD_FILE, Texts.get("documents.upload.file.too-large", maxMegabytes()));
        }
        String contentType = tika.detect(content);
        if (!ACCEPTED.contains(contentType)) {
            throw new UploadRefusedException(415, FIELD_FILE, Texts.get("documents.upload.file.wrong-type"));
        }
        if (!isOpen(service.processKey(), trackingCode)) {
            throw new NoSuchElementException("no open case with this code");
        }
        if (store.count(service.processKey(), trackingCode) >= maxFilesPerCase) {
            throw new UploadRefusedException(409, FIELD_FILE, Texts.get("documents.upload.file.too-many", maxFilesPerCase));
        }
        Instant now = Instant.now(clock);
        String sha256 = sha256(content);
        long id = store.insert(service.processKey(), trackingCode, documentKey, contentType, content, sha256, now);
        return new UploadedDocument(id, service.processKey(), trackingCode, documentKey, contentType, content.length, sha256, now);
    }

    /** What the applicant uploaded so far (no contents). */
    @Transactional(readOnly = true)
    public List<UploadedDocument> uploaded(String processKey, String trackingCode) {
        return store.list(processKey, trackingCode);
    }

    private boolean isOpen(String processKey, String trackingCode) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
            .processInstanceBusinessKey(trackingCode).unfinished().count() > 0;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
