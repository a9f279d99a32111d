package tr.bel.izmit.kadinaile.izgim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import tr.bel.izmit.kadinaile.sensitive.AccessAuditEntry;

/**
 * One read of (or refused attempt at) a counselling case's record or notes, in {@code iz_access_audit} (the kit's
 * {@link AccessAuditEntry}; the case is null for a refused unknown code). Append-only: the application only inserts and
 * reads; on PostgreSQL a trigger rejects UPDATE, DELETE and TRUNCATE. Holds no personal data, so it outlives the
 * erasure.
 */
@Entity
@Table(name = "iz_access_audit")
@Immutable
public class CounsellingAudit extends AccessAuditEntry {

    public enum Action {
        /** The client's record (contact, reason, the child's age) was shown. */
        READ_RECORD,
        /** Session notes were shown (those the reader may see). */
        READ_NOTES,
        /** A note was written. */
        WROTE_NOTE,
        /** A logged-in user asked for a record or notes she may not see. */
        ACCESS_DENIED,
        /** The retention job erased the personal data and notes. */
        PERSONAL_DATA_ERASED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    protected CounsellingAudit() {
    }

    CounsellingAudit(Long caseId, String userId, Instant accessedAt, String remoteAddress, Action action) {
        super(caseId, userId, accessedAt, remoteAddress);
        this.action = action;
    }

    public Action getAction() {
        return action;
    }
}
