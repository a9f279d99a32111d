package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A free-text note of staff on a case (a call note, a safety plan), encrypted at rest; never changed. */
@Entity
@Table(name = "vl_case_note")
@Immutable
public class CaseNote {

    /** Width of the encrypted {@code body} column. */
    static final int BODY_COLUMN_LENGTH = 16000;

    public enum Kind {
        STAFF_NOTE, SAFETY_PLAN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "body", length = BODY_COLUMN_LENGTH, updatable = false)
    private String body;

    protected CaseNote() {
    }

    CaseNote(Long caseId, Kind kind, String author, String body, Instant createdAt) {
        this.caseId = caseId;
        this.kind = kind;
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

    public Kind getKind() {
        return kind;
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
        return "CaseNote[id=" + id + ", caseId=" + caseId + ", kind=" + kind + "]";
    }
}
