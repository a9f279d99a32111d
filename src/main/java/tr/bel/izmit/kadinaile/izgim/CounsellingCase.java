package tr.bel.izmit.kadinaile.izgim;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;
import tr.bel.izmit.kadinaile.sensitive.SensitiveCase;

/**
 * A counselling request and its case: the service, the professional, the outcome in plain; the client's contact, her
 * reason, her preferred times and the child's age encrypted ({@link CounsellingEncryptedConverter}), erased on the
 * retention schedule (the kit's {@link SensitiveCase}).
 */
@Entity
@Table(name = "iz_case")
public class CounsellingCase extends SensitiveCase {

    /** Width of the encrypted columns. */
    static final int ENCRYPTED_COLUMN_LENGTH = 2000;

    @Column(name = "tracking_code", nullable = false, updatable = false)
    private String trackingCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CounsellingService service;

    @Column(name = "professional_id")
    private String professionalId;

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
        super(processInstanceId, createdAt);
        this.trackingCode = trackingCode;
        this.service = service;
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

    /** Closed at or before the cutoff, not erased yet. */
    @Override
    public boolean isDueForErasure(Instant cutoff) {
        return isClosedWithPersonalData() && !getClosedAt().isAfter(cutoff);
    }

    @Override
    protected void clearPersonalData() {
        fullName = null;
        phone = null;
        email = null;
        reason = null;
        preferredTimes = null;
        childAge = null;
    }

    /** A child psychology case: its record is for the child psychologists (and their supervisors) only. */
    public boolean isChildRecord() {
        return service == CounsellingService.CHILD_PSYCHOLOGY;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public CounsellingService getService() {
        return service;
    }

    public String getProfessionalId() {
        return professionalId;
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
        return "CounsellingCase[id=" + getId() + ", service=" + service + ", status=" + getStatus() + ", personal data redacted]";
    }
}
