package tr.bel.izmit.kadinaile.microcredit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import tr.bel.izmit.kadinaile.common.ApplicantRecord;

/** An İZGİM microcredit application with the applicant's personal data. */
@Entity
@Table(name = "mc_application")
public class MicrocreditApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_code", nullable = false, updatable = false)
    private String trackingCode;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /**
     * The applicant's T.C. Kimlik No while the application is open, null once it is decided: the unique index
     * {@code uq_mc_application_open_person} lets each person have one open application, also when two arrive at once.
     */
    @Column(name = "open_tc_kimlik_no")
    private String openTcKimlikNo;

    @Embedded
    private ApplicantRecord applicant;

    private String email;

    @Column(nullable = false)
    private String neighbourhood;

    @Column(name = "izgim_member", nullable = false)
    private boolean izgimMember;

    @Column(name = "member_since")
    private LocalDate memberSince;

    @Column(nullable = false)
    private String sector;

    @Column(name = "business_summary", nullable = false)
    private String businessSummary;

    @Column(name = "requested_amount", nullable = false, updatable = false)
    private BigDecimal requestedAmount;

    @Column(name = "term_months", nullable = false)
    private int termMonths;

    @Column(nullable = false)
    private String iban;

    @Column(name = "kvkk_consent_at", nullable = false, updatable = false)
    private Instant kvkkConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "approved_amount")
    private BigDecimal approvedAmount;

    @Column(name = "committee_decided_by", length = 64)
    private String committeeDecidedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected MicrocreditApplication() {
    }

    public MicrocreditApplication(String trackingCode, Applicant applicant, Instant submittedAt) {
        this.trackingCode = trackingCode;
        this.applicant = new ApplicantRecord(applicant.fullName(), applicant.tcKimlikNo(), applicant.phone(), applicant.district());
        this.email = applicant.email();
        this.neighbourhood = applicant.neighbourhood();
        this.izgimMember = applicant.izgimMember();
        this.memberSince = applicant.memberSince();
        this.sector = applicant.sector();
        this.businessSummary = applicant.businessSummary();
        this.requestedAmount = applicant.requestedAmount();
        this.termMonths = applicant.termMonths();
        this.iban = applicant.iban();
        this.kvkkConsentAt = submittedAt;
        this.submittedAt = submittedAt;
        this.status = ApplicationStatus.SUBMITTED;
        this.openTcKimlikNo = applicant.tcKimlikNo();
    }

    /** The values of the start form, already validated and normalized. */
    public record Applicant(String fullName, String tcKimlikNo, String phone, String email, String district,
            String neighbourhood, boolean izgimMember, LocalDate memberSince, String sector, String businessSummary,
            BigDecimal requestedAmount, int termMonths, String iban) {
    }

    void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void changeStatus(ApplicationStatus status, Instant at) {
        this.status = status;
        if (!status.isOpen()) {
            this.openTcKimlikNo = null;
        }
        if (status != ApplicationStatus.SUBMITTED && status != ApplicationStatus.IN_REVIEW
                && status != ApplicationStatus.DOCUMENTS_MISSING) {
            this.decidedAt = at;
        }
    }

    void markIneligible(String reasonCode, Instant at) {
        this.reasonCode = reasonCode;
        changeStatus(ApplicationStatus.INELIGIBLE, at);
    }

    void approve(BigDecimal approvedAmount) {
        this.approvedAmount = approvedAmount;
    }

    void recordCommitteeDecisionBy(String userId) {
        this.committeeDecidedBy = userId;
    }

    /** The user who completed the credit committee's task, as the engine saw her. */
    public String getCommitteeDecidedBy() {
        return committeeDecidedBy;
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

    /** Who applied: the part every application table shares. */
    public ApplicantRecord getApplicant() {
        return applicant;
    }

    public String getFullName() {
        return applicant.fullName();
    }

    public String getTcKimlikNo() {
        return applicant.tcKimlikNo();
    }

    public String getPhone() {
        return applicant.phone();
    }

    public String getEmail() {
        return email;
    }

    public String getDistrict() {
        return applicant.district();
    }

    public String getNeighbourhood() {
        return neighbourhood;
    }

    public boolean isIzgimMember() {
        return izgimMember;
    }

    public LocalDate getMemberSince() {
        return memberSince;
    }

    public String getSector() {
        return sector;
    }

    public String getBusinessSummary() {
        return businessSummary;
    }

    public BigDecimal getRequestedAmount() {
        return requestedAmount;
    }

    public int getTermMonths() {
        return termMonths;
    }

    public String getIban() {
        return iban;
    }

    public Instant getKvkkConsentAt() {
        return kvkkConsentAt;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public BigDecimal getApprovedAmount() {
        return approvedAmount;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
