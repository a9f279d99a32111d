package tr.bel.izmit.kadinaile.producers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One status change of a producer, with who made it and why: the history kept for suspensions and reinstatements. */
@Entity
@Table(name = "pr_status_change")
public class ProducerStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "producer_id", nullable = false, updatable = false)
    private Long producerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private ProducerStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private ProducerStatus toStatus;

    @Column(updatable = false)
    private String reason;

    @Column(name = "changed_by", updatable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected ProducerStatusChange() {
    }

    ProducerStatusChange(Long producerId, ProducerStatus fromStatus, ProducerStatus toStatus, String reason, String changedBy,
            Instant changedAt) {
        this.producerId = producerId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getProducerId() {
        return producerId;
    }

    public ProducerStatus getFromStatus() {
        return fromStatus;
    }

    public ProducerStatus getToStatus() {
        return toStatus;
    }

    public String getReason() {
        return reason;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
