package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One monthly repayment of a loan. */
@Entity
@Table(name = "mc_installment")
public class Installment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "loan_id", nullable = false, updatable = false)
    private Long loanId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private int sequence;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "paid_by")
    private String paidBy;

    @Version
    private long version;

    protected Installment() {
    }

    Installment(Long loanId, int sequence, LocalDate dueDate, BigDecimal amount) {
        this.loanId = loanId;
        this.sequence = sequence;
        this.dueDate = dueDate;
        this.amount = amount;
    }

    void markPaid(Instant at, String by) {
        this.paidAt = at;
        this.paidBy = by;
    }

    public boolean isPaid() {
        return paidAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getLoanId() {
        return loanId;
    }

    public int getSequence() {
        return sequence;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getPaidAt() {
        return paidAt;
    }
}
