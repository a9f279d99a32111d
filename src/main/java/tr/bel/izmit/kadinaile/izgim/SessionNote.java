package tr.bel.izmit.kadinaile.izgim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import tr.bel.izmit.kadinaile.sensitive.EncryptedNote;

/**
 * A professional's note on one session of a case (the kit's {@link EncryptedNote}), encrypted at rest with the
 * counselling key; never changed. Readable by its author and the counselling supervisors only
 * ({@link CounsellingAccess}).
 */
@Entity
@Table(name = "iz_session_note")
@Immutable
@Convert(attributeName = "body", converter = CounsellingEncryptedConverter.class)
public class SessionNote extends EncryptedNote {

    @Column(name = "session_id", updatable = false)
    private Long sessionId;

    protected SessionNote() {
    }

    SessionNote(Long caseId, String author, Long sessionId, String body, Instant createdAt) {
        super(caseId, author, body, createdAt);
        this.sessionId = sessionId;
    }

    public Long getSessionId() {
        return sessionId;
    }
}
