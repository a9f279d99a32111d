package tr.bel.izmit.kadinaile.sensitive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * One row of a service's access audit: who read (or tried to read, or changed the protection of) which case's
 * personal data, when and from where. Append-only: each service maps its own table with an {@code @Immutable}
 * entity that extends this class and adds its {@code action} column (its own enum); the application only inserts and
 * reads ({@link AccessAuditLog}), and on PostgreSQL a trigger of the service's migration rejects every UPDATE, DELETE
 * and TRUNCATE. Holds no personal data, so it outlives the erasure. User id and address are cut to their columns' 64
 * characters.
 */
@MappedSuperclass
public abstract class AccessAuditEntry {

    /** The user id of actions of the system itself (the retention job). */
    public static final String SYSTEM_USER = "system";
    static final int TEXT_COLUMN_LENGTH = 64;

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

    protected AccessAuditEntry() {
    }

    /** @throws IllegalArgumentException without a user id: an audited access always has one */
    protected AccessAuditEntry(Long caseId, String userId, Instant accessedAt, String remoteAddress) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an audited access needs a user id");
        }
        this.caseId = caseId;
        this.userId = truncate(userId);
        this.accessedAt = accessedAt;
        this.remoteAddress = truncate(remoteAddress);
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

    private static String truncate(String value) {
        return value == null || value.length() <= TEXT_COLUMN_LENGTH ? value : value.substring(0, TEXT_COLUMN_LENGTH);
    }
}
