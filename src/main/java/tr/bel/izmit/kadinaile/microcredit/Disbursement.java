package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The payment order of a loan to the applicant's IBAN (the disbursement ledger). Its reference is unique
 * and derived from the loan, so the order can be given to a bank idempotently.
 */
@Entity
@Table(name = "mc_disbursement")
public class Disbursement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "loan_id", nullable = false, updatable = false)
    private Long loanId;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private String iban;

    @Column(name = "payment_reference", nullable = false, updatable = false)
    private String paymentReference;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Disbursement() {
    }

    Disbursement(Long loanId, BigDecimal amount, String iban, String paymentReference, Instant createdAt) {
        this.loanId = loanId;
        this.amount = amount;
        this.iban = iban;
        this.paymentReference = paymentReference;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getLoanId() {
        return loanId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getPaymentReference() {
        return paymentReference;
    }
}
