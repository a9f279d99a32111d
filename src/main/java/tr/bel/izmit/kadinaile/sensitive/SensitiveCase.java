package tr.bel.izmit.kadinaile.sensitive;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A case whose personal data is encrypted with its service's key and erased on the retention schedule: what every such
 * case has in plain columns (process instance, status, closure, erasure, creation, version). Each service maps its own
 * table with an entity that extends this class and adds its plain routing data and its encrypted personal data;
 * {@link #clearPersonalData()} says what the erasure empties and {@link #isDueForErasure(Instant)} when. The plain
 * columns survive the erasure, for statistics.
 */
@MappedSuperclass
public abstract class SensitiveCase {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "closure_outcome")
    private String closureOutcome;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected SensitiveCase() {
    }

    protected SensitiveCase(String processInstanceId, Instant createdAt) {
        this.processInstanceId = processInstanceId;
        this.status = Status.OPEN;
        this.createdAt = createdAt;
    }

    /** Closes the case; its retention period starts now. */
    public void close(String outcome, Instant at) {
        this.status = Status.CLOSED;
        this.closureOutcome = outcome;
        this.closedAt = at;
    }

    /** @return whether the retention job should erase the case's personal data at this cutoff */
    public abstract boolean isDueForErasure(Instant cutoff);

    /** Erases everything personal (the service's encrypted columns); the plain columns stay. */
    public void erasePersonalData(Instant at) {
        clearPersonalData();
        this.personalDataErasedAt = at;
    }

    /** Empties the service's personal-data attributes. */
    protected abstract void clearPersonalData();

    /** Closed and not erased yet. */
    protected boolean isClosedWithPersonalData() {
        return status == Status.CLOSED && closedAt != null && personalDataErasedAt == null;
    }

    public boolean isPersonalDataErased() {
        return personalDataErasedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Status getStatus() {
        return status;
    }

    public String getClosureOutcome() {
        return closureOutcome;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getPersonalDataErasedAt() {
        return personalDataErasedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
