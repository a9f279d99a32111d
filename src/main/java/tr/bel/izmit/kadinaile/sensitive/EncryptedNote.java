package tr.bel.izmit.kadinaile.sensitive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A staff note on a case, its text encrypted at rest; never changed. Each service maps its own table with an
 * {@code @Immutable} entity that extends this class and names its key's converter for the text with
 * {@code @Convert(attributeName = "body", converter = ...)} on the class. {@code toString} never prints the text.
 */
@MappedSuperclass
public abstract class EncryptedNote {

    /** Width of the encrypted {@code body} column. */
    public static final int BODY_COLUMN_LENGTH = 16000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "body", length = BODY_COLUMN_LENGTH, updatable = false)
    private String body;

    protected EncryptedNote() {
    }

    protected EncryptedNote(Long caseId, String author, String body, Instant createdAt) {
        this.caseId = caseId;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getBody() {
        return body;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", caseId=" + caseId + ", text redacted]";
    }
}
