package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An interest-free loan: one per approved application. */
@Entity
@Table(name = "mc_loan")
public class Loan {

    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(nullable = false, updatable = false)
    private BigDecimal principal;

    @Column(name = "term_months", nullable = false, updatable = false)
    private int termMonths;

    @Column(name = "tc_kimlik_no", nullable = false, updatable = false)
    private String tcKimlikNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "disbursed_on", nullable = false, updatable = false)
    private LocalDate disbursedOn;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Loan() {
    }

    Loan(Long applicationId, BigDecimal principal, int termMonths, String tcKimlikNo, LocalDate disbursedOn, Instant createdAt) {
        this.applicationId = applicationId;
        this.principal = principal;
        this.termMonths = termMonths;
        this.tcKimlikNo = tcKimlikNo;
        this.disbursedOn = disbursedOn;
        this.createdAt = createdAt;
        this.status = Status.OPEN;
    }

    void close(Instant at) {
        this.status = Status.CLOSED;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public BigDecimal getPrincipal() {
        return principal;
    }

    public int getTermMonths() {
        return termMonths;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getDisbursedOn() {
        return disbursedOn;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
