package tr.bel.izmit.kadinaile.izgim;

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
 * One read of (or refused attempt at) a counselling case's record or notes. Append-only: the application only inserts
 * and reads; on PostgreSQL a trigger rejects UPDATE, DELETE and TRUNCATE. Holds no personal data, so it outlives the
 * erasure.
 */
@Entity
@Table(name = "iz_access_audit")
@Immutable
public class CounsellingAudit {

    public static final String SYSTEM_USER = "system";

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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
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

    protected CounsellingAudit() {
    }

    CounsellingAudit(Long caseId, String userId, Instant accessedAt, String remoteAddress, Action action) {
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
