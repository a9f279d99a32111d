package tr.bel.izmit.kadinaile.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.TrackingCodes;

/**
 * Every process's required documents, as the capabilities declare them ({@link RequiredDocuments}). The portal's
 * fragment {@code portal/documents.html} reads it as {@code @documentCatalog}.
 */
@Component("documentCatalog")
public class DocumentCatalog {

    private final Map<String, RequiredDocuments> byProcess = new LinkedHashMap<>();
    private final Map<String, RequiredDocuments> byPrefix = new LinkedHashMap<>();

    DocumentCatalog(List<RequiredDocuments> declarations) {
        for (RequiredDocuments declaration : declarations) {
            if (byProcess.put(declaration.processKey(), declaration) != null
                    || byPrefix.put(declaration.trackingPrefix(), declaration) != null) {
                throw new IllegalStateException("required documents declared twice for " + declaration.processKey());
            }
        }
    }

    public Optional<RequiredDocuments> byProcess(String processKey) {
        return Optional.ofNullable(processKey == null ? null : byProcess.get(processKey));
    }

    /** The service of a well-formed tracking code, by its prefix (nothing is looked up). */
    public Optional<RequiredDocuments> byTrackingCode(String trackingCode) {
        return TrackingCodes.isWellFormed(trackingCode) ? Optional.ofNullable(byPrefix.get(trackingCode.substring(0, 2)))
            : Optional.empty();
    }

    public List<RequiredDocuments> all() {
        return List.copyOf(byProcess.values());
    }

    /** For the templates: the documents of a process, or null. */
    public RequiredDocuments forProcess(String processKey) {
        return byProcess(processKey).orElse(null);
    }

    /** For the templates: the documents of the service of a tracking code, or null. */
    public RequiredDocuments forTrackingCode(String trackingCode) {
        return byTrackingCode(trackingCode).orElse(null);
    }
}
