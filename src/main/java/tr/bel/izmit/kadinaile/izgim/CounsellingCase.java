package tr.bel.izmit.kadinaile.izgim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/**
 * A counselling request and its case: the service, the professional, the outcome in plain; the client's contact, her
 * reason, her preferred times and the child's age encrypted ({@link CounsellingEncryptedConverter}), erased on the
 * retention schedule.
 */
@Entity
@Table(name = "iz_case")
public class CounsellingCase {

    /** Width of the encrypted columns. */
    static final int ENCRYPTED_COLUMN_LENGTH = 2000;

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_code", nullable = false, updatable = false)
    private String trackingCode;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CounsellingService service;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "professional_id")
    private String professionalId;

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

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "full_name", length = ENCRYPTED_COLUMN_LENGTH)
    private String fullName;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "phone", length = ENCRYPTED_COLUMN_LENGTH)
    private String phone;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "email", length = ENCRYPTED_COLUMN_LENGTH)
    private String email;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "reason", length = ENCRYPTED_COLUMN_LENGTH)
    private String reason;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "preferred_times", length = ENCRYPTED_COLUMN_LENGTH)
    private String preferredTimes;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "child_age", length = ENCRYPTED_COLUMN_LENGTH)
    private String childAge;

    protected CounsellingCase() {
    }

    CounsellingCase(String trackingCode, CounsellingService service, CounsellingCases.Request request, String processInstanceId,
            Instant createdAt) {
        this.trackingCode = trackingCode;
        this.service = service;
        this.processInstanceId = processInstanceId;
        this.status = Status.OPEN;
        this.createdAt = createdAt;
        this.fullName = request.fullName();
        this.phone = request.phone();
        this.email = request.email();
        this.reason = request.reason();
        this.preferredTimes = request.preferredTimes();
        this.childAge = request.childAge() == null ? null : String.valueOf(request.childAge());
    }

    void assign(String professional) {
        this.professionalId = professional;
    }

    void close(String outcome, Instant at) {
        this.status = Status.CLOSED;
        this.closureOutcome = outcome;
        this.closedAt = at;
    }

    boolean isDueForErasure(Instant cutoff) {
        return status == Status.CLOSED && personalDataErasedAt == null && closedAt != null && !closedAt.isAfter(cutoff);
    }

    void erasePersonalData(Instant at) {
        fullName = null;
        phone = null;
        email = null;
        reason = null;
        preferredTimes = null;
        childAge = null;
        personalDataErasedAt = at;
    }

    /** A child psychology case: its record is for the child psychologists (and their supervisors) only. */
    public boolean isChildRecord() {
        return service == CounsellingService.CHILD_PSYCHOLOGY;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public CounsellingService getService() {
        return service;
    }

    public Status getStatus() {
        return status;
    }

    public String getProfessionalId() {
        return professionalId;
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

    public boolean isPersonalDataErased() {
        return personalDataErasedAt != null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getReason() {
        return reason;
    }

    public String getPreferredTimes() {
        return preferredTimes;
    }

    public String getChildAge() {
        return childAge;
    }

    /** Never prints the personal data. */
    @Override
    public String toString() {
        return "CounsellingCase[id=" + id + ", service=" + service + ", status=" + status + ", personal data redacted]";
    }
}
