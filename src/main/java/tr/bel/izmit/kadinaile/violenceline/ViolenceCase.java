package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import tr.bel.izmit.kadinaile.sensitive.SensitiveCase;

/**
 * A case of the Domestic Violence Emergency Help Line. Routing data and outcomes are plain columns (they
 * survive the erasure, for statistics); everything that identifies the woman or describes the incident is
 * encrypted at rest and erased after the retention period (the kit's {@link SensitiveCase}).
 */
@Entity
@Table(name = "vl_case")
public class ViolenceCase extends SensitiveCase {

    /** Width of the encrypted columns of {@code vl_case}. */
    static final int ENCRYPTED_COLUMN_LENGTH = 8000;

    @Column(name = "case_code", nullable = false, updatable = false)
    private String caseCode;

    @Column(nullable = false)
    private String district;

    @Column(name = "risk_level")
    private String riskLevel;

    @Column(name = "legal_hold", nullable = false)
    private boolean legalHold;

    @Column(name = "last_contact_at")
    private Instant lastContactAt;

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
        super(processInstanceId, createdAt);
        this.caseCode = caseCode;
        this.district = intake.district();
        this.victimName = intake.victimName();
        this.safePhone = intake.safePhone();
        this.safeCallTimes = intake.safeCallTimes();
        this.neighbourhood = intake.neighbourhood();
        this.incidentNotes = intake.incidentNotes();
    }

    void recordRisk(String riskLevel) {
        this.riskLevel = riskLevel;
    }

    void recordContact(Instant at) {
        this.lastContactAt = at;
    }

    void setLegalHold(boolean legalHold) {
        this.legalHold = legalHold;
    }

    /** Closed before the cutoff, not on legal hold, not erased yet. */
    @Override
    public boolean isDueForErasure(Instant cutoff) {
        return isClosedWithPersonalData() && getClosedAt().isBefore(cutoff) && !legalHold;
    }

    /** Erases everything personal; routing data, risk level and outcomes stay. */
    @Override
    protected void clearPersonalData() {
        this.victimName = null;
        this.safePhone = null;
        this.safeCallTimes = null;
        this.neighbourhood = null;
        this.incidentNotes = null;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public String getDistrict() {
        return district;
    }

    public String getRiskLevel() {
        return riskLevel;
    }

    public boolean isLegalHold() {
        return legalHold;
    }

    public Instant getLastContactAt() {
        return lastContactAt;
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
        return "ViolenceCase[id=" + getId() + ", caseCode=" + caseCode + "]";
    }
}
