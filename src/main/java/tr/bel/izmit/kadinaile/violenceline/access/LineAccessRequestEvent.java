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

import org.hibernate.annotations.Immutable;

/** One step of a {@link LineAccessRequest}: who asked, approved or rejected, when, from where. Append-only. */
@Entity
@Table(name = "vl_access_request_event")
@Immutable
public class LineAccessRequestEvent {

    public enum Action {
        REQUESTED, APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "remote_address", updatable = false)
    private String remoteAddress;

    protected LineAccessRequestEvent() {
    }

    LineAccessRequestEvent(Long requestId, Action action, String userId, Instant occurredAt, String remoteAddress) {
        this.requestId = requestId;
        this.action = action;
        this.userId = userId;
        this.occurredAt = occurredAt;
        this.remoteAddress = remoteAddress;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Action getAction() {
        return action;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }
}
