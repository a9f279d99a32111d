package tr.bel.izmit.kadinaile.izgim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A professional's note on one session of a case, encrypted at rest with the counselling key; never changed. Readable
 * by its author and the counselling supervisors only ({@link CounsellingAccess}).
 */
@Entity
@Table(name = "iz_session_note")
@Immutable
public class SessionNote {

    /** Width of the encrypted {@code body} column. */
    static final int BODY_COLUMN_LENGTH = 16000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "session_id", updatable = false)
    private Long sessionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "body", length = BODY_COLUMN_LENGTH, updatable = false)
    private String body;

    protected SessionNote() {
    }

    SessionNote(Long caseId, String author, Long sessionId, String body, Instant createdAt) {
        this.caseId = caseId;
        this.author = author;
        this.sessionId = sessionId;
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

    public Long getSessionId() {
        return sessionId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getBody() {
        return body;
    }

    @Override
    public String toString() {
        return "SessionNote[id=" + id + ", caseId=" + caseId + ", text redacted]";
    }
}
