package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import tr.bel.izmit.kadinaile.sensitive.AccessAuditEntry;

/**
 * One access to (or attempt at) the personal data of a case, or a change of its protection, in {@code vl_access_audit}
 * (the kit's {@link AccessAuditEntry}). Append-only: the application only inserts and reads
 * ({@link AccessAuditRepository}); on PostgreSQL a trigger rejects every UPDATE, DELETE and TRUNCATE. Holds no personal
 * data of the woman, so it outlives the erasure.
 */
@Entity
@Table(name = "vl_access_audit")
@Immutable
@AttributeOverride(name = "caseId", column = @Column(name = "case_id", nullable = false, updatable = false))
public class AccessAudit extends AccessAuditEntry {

    public enum Action {
        /** The personal data and notes of the case were shown to the user. */
        READ_PERSONAL_DATA,
        /** A user outside the violence line's groups asked for the case. */
        ACCESS_DENIED,
        LEGAL_HOLD_SET,
        LEGAL_HOLD_RELEASED,
        /** The retention job erased the personal data. */
        PERSONAL_DATA_ERASED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    protected AccessAudit() {
    }

    AccessAudit(Long caseId, String userId, Instant accessedAt, String remoteAddress, Action action) {
        super(caseId, userId, accessedAt, remoteAddress);
        this.action = action;
    }

    public Action getAction() {
        return action;
    }
}
