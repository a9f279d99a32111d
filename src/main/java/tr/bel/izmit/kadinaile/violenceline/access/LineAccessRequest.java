package tr.bel.izmit.kadinaile.violenceline.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An administrator's request for a change that opens the violence line to someone; it takes effect only when a line
 * supervisor, neither the requester nor the person who gains the access, approves it. A requested password is kept
 * only as the engine's salted hash, and dropped once the request is decided.
 */
@Entity
@Table(name = "vl_access_request")
public class LineAccessRequest {

    public enum Kind {
        /** A membership of {@code subjectUserId} in the line group {@code groupId}. */
        MEMBERSHIP,
        /** An authorization (grant or global) for {@code subjectUserId} or {@code groupId}. */
        AUTHORIZATION,
        /** A new password for {@code subjectUserId}. */
        PASSWORD
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "subject_user_id", updatable = false)
    private String subjectUserId;

    @Column(name = "group_id", updatable = false)
    private String groupId;

    @Column(name = "authorization_type", updatable = false)
    private Integer authorizationType;

    @Column(name = "resource_type", updatable = false)
    private Integer resourceType;

    @Column(name = "resource_id", updatable = false)
    private String resourceId;

    /** Permission names, comma-separated. */
    @Column(updatable = false)
    private String permissions;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_salt")
    private String passwordSalt;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected LineAccessRequest() {
    }

    private LineAccessRequest(Kind kind, String requestedBy, Instant requestedAt) {
        this.kind = kind;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
    }

    static LineAccessRequest membership(String userId, String groupId, String requestedBy, Instant at) {
        LineAccessRequest request = new LineAccessRequest(Kind.MEMBERSHIP, requestedBy, at);
        request.subjectUserId = userId;
        request.groupId = groupId;
        return request;
    }

    static LineAccessRequest authorization(int type, String userId, String groupId, int resourceType, String resourceId,
            String permissions, String requestedBy, Instant at) {
        LineAccessRequest request = new LineAccessRequest(Kind.AUTHORIZATION, requestedBy, at);
        request.authorizationType = type;
        request.subjectUserId = userId;
        request.groupId = groupId;
        request.resourceType = resourceType;
        request.resourceId = resourceId;
        request.permissions = permissions;
        return request;
    }

    static LineAccessRequest password(String userId, String hash, String salt, String requestedBy, Instant at) {
        LineAccessRequest request = new LineAccessRequest(Kind.PASSWORD, requestedBy, at);
        request.subjectUserId = userId;
        request.passwordHash = hash;
        request.passwordSalt = salt;
        return request;
    }

    void decide(Status decision, String by, Instant at) {
        this.status = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.passwordHash = null;
        this.passwordSalt = null;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSubjectUserId() {
        return subjectUserId;
    }

    public String getGroupId() {
        return groupId;
    }

    public Integer getAuthorizationType() {
        return authorizationType;
    }

    public Integer getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public String getPermissions() {
        return permissions;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getPasswordSalt() {
        return passwordSalt;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
