package tr.bel.izmit.kadinaile.violenceline;

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

/**
 * A case of the Domestic Violence Emergency Help Line. Routing data and outcomes are plain columns (they
 * survive the erasure, for statistics); everything that identifies the woman or describes the incident is
 * encrypted at rest and erased after the retention period.
 */
@Entity
@Table(name = "vl_case")
public class ViolenceCase {

    /** Width of the encrypted columns of {@code vl_case}. */
    static final int ENCRYPTED_COLUMN_LENGTH = 8000;

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_code", nullable = false, updatable = false)
    private String caseCode;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(nullable = false)
    private String district;

    @Column(name = "risk_level")
    private String riskLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "closure_outcome")
    private String closureOutcome;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "legal_hold", nullable = false)
    private boolean legalHold;

    @Column(name = "personal_data_erased_at")
    private Instant personalDataErasedAt;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    // ---- personal data, encrypted at rest

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "victim_name", length = ENCRYPTED_COLUMN_LENGTH)
    private String victimName;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "safe_phone", length = ENCRYPTED_COLUMN_LENGTH)
    private String safePhone;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "safe_call_times", length = ENCRYPTED_COLUMN_LENGTH)
    private String safeCallTimes;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "neighbourhood", length = ENCRYPTED_COLUMN_LENGTH)
    private String neighbourhood;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "incident_notes", length = ENCRYPTED_COLUMN_LENGTH)
    private String incidentNotes;

    protected ViolenceCase() {
    }

    ViolenceCase(String caseCode, ViolenceCaseStore.Intake intake, String processInstanceId, Instant createdAt) {
        this.caseCode = caseCode;
        this.processInstanceId = processInstanceId;
        this.district = intake.district();
        this.victimName = intake.victimName();
        this.safePhone = intake.safePhone();
        this.safeCallTimes = intake.safeCallTimes();
        this.neighbourhood = intake.neighbourhood();
        this.incidentNotes = intake.incidentNotes();
        this.status = Status.OPEN;
        this.createdAt = createdAt;
    }

    void recordRisk(String riskLevel) {
        this.riskLevel = riskLevel;
    }

    void recordContact(Instant at) {
        this.lastContactAt = at;
    }

    void close(String outcome, Instant at) {
        this.status = Status.CLOSED;
        this.closureOutcome = outcome;
        this.closedAt = at;
    }

    void setLegalHold(boolean legalHold) {
        this.legalHold = legalHold;
    }

    boolean isDueForErasure(Instant cutoff) {
        return status == Status.CLOSED && closedAt != null && closedAt.isBefore(cutoff) && !legalHold
            && personalDataErasedAt == null;
    }

    /** Erases everything personal; routing data, risk level and outcomes stay. */
    void erasePersonalData(Instant at) {
        this.victimName = null;
        this.safePhone = null;
        this.safeCallTimes = null;
        this.neighbourhood = null;
        this.incidentNotes = null;
        this.personalDataErasedAt = at;
    }

    public boolean isPersonalDataErased() {
        return personalDataErasedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getDistrict() {
        return district;
    }

    public String getRiskLevel() {
        return riskLevel;
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

    public boolean isLegalHold() {
        return legalHold;
    }

    public Instant getPersonalDataErasedAt() {
        return personalDataErasedAt;
    }

    public Instant getLastContactAt() {
        return lastContactAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getVictimName() {
        return victimName;
    }

    public String getSafePhone() {
        return safePhone;
    }

    public String getSafeCallTimes() {
        return safeCallTimes;
    }

    public String getNeighbourhood() {
        return neighbourhood;
    }

    public String getIncidentNotes() {
        return incidentNotes;
    }

    /** Names the case only by its ids, never by its content. */
    @Override
    public String toString() {
        return "ViolenceCase[id=" + id + ", caseCode=" + caseCode + "]";
    }
}
