package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One access to (or attempt at) the personal data of a case, or a change of its protection. Append-only:
 * the application only inserts and reads ({@link AccessAuditRepository}); on PostgreSQL a trigger rejects
 * every UPDATE, DELETE and TRUNCATE. Holds no personal data of the woman, so it outlives the erasure.
 */
@Entity
@Table(name = "vl_access_audit")
@Immutable
public class AccessAudit {

    /** The user id of actions of the system itself (the retention job). */
    public static final String SYSTEM_USER = "system";

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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "accessed_at", nullable = false, updatable = false)
    private Instant accessedAt;

    @Column(name = "remote_address", updatable = false)
    private String remoteAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    protected AccessAudit() {
    }

    AccessAudit(Long caseId, String userId, Instant accessedAt, String remoteAddress, Action action) {
        this.caseId = caseId;
        this.userId = userId;
        this.accessedAt = accessedAt;
        this.remoteAddress = remoteAddress;
        this.action = action;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getAccessedAt() {
        return accessedAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public Action getAction() {
        return action;
    }
}
