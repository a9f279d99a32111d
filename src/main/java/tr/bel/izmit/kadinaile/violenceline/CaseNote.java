package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import tr.bel.izmit.kadinaile.sensitive.EncryptedNote;

/**
 * A free-text note of staff on a case (a call note, a safety plan; the kit's {@link EncryptedNote}), encrypted at rest
 * with the line's key; never changed.
 */
@Entity
@Table(name = "vl_case_note")
@Immutable
@Convert(attributeName = "body", converter = EncryptedStringConverter.class)
public class CaseNote extends EncryptedNote {

    public enum Kind {
        STAFF_NOTE, SAFETY_PLAN
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    protected CaseNote() {
    }

    CaseNote(Long caseId, Kind kind, String author, String body, Instant createdAt) {
        super(caseId, author, body, createdAt);
        this.kind = kind;
    }

    public Kind getKind() {
        return kind;
    }

    @Override
    public String toString() {
        return "CaseNote[id=" + getId() + ", caseId=" + getCaseId() + ", kind=" + kind + "]";
    }
}
