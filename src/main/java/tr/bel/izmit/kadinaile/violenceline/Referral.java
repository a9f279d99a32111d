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
import jakarta.persistence.Version;

/**
 * A referral of a case to an institution (shelter, ŞÖNİM, police, legal aid ...). Holds no personal data:
 * it survives the erasure of the case's personal data, for statistics.
 */
@Entity
@Table(name = "vl_referral")
public class Referral {

    public enum Status {
        PLANNED, MADE, ACCEPTED, REJECTED;

        boolean isAnswered() {
            return this == ACCEPTED || this == REJECTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "referral_type", nullable = false, updatable = false)
    private String referralType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "made_at")
    private Instant madeAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "sla_breached", nullable = false)
    private boolean slaBreached;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Referral() {
    }

    Referral(Long caseId, String referralType, Instant createdAt) {
        this.caseId = caseId;
        this.referralType = referralType;
        this.status = Status.PLANNED;
        this.createdAt = createdAt;
    }

    void markMade(Instant at) {
        this.status = Status.MADE;
        this.madeAt = at;
    }

    void answer(boolean accepted, String rejectionReason, Instant at) {
        this.status = accepted ? Status.ACCEPTED : Status.REJECTED;
        this.rejectionReason = accepted ? null : rejectionReason;
        this.answeredAt = at;
    }

    void markSlaBreached() {
        this.slaBreached = true;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getReferralType() {
        return referralType;
    }

    public Status getStatus() {
        return status;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getMadeAt() {
        return madeAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public boolean isSlaBreached() {
        return slaBreached;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
