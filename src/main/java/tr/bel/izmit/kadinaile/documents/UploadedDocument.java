package tr.bel.izmit.kadinaile.documents;

import java.time.Instant;

/**
 * One uploaded file, without its content.
 *
 * @param contentType as detected from the bytes: {@code application/pdf}, {@code image/jpeg} or {@code image/png}
 */
public record UploadedDocument(long id, String processKey, String trackingCode, String documentKey, String contentType,
        long sizeBytes, String sha256, Instant uploadedAt) {

    /** The file's extension for its content type. */
    public String extension() {
        return switch (contentType) {
            case "application/pdf" -> "pdf";
            case "image/jpeg" -> "jpg";
            default -> "png";
        };
    }
}
