package tr.bel.izmit.kadinaile.producers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

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

/** An İzmit Çarşısı producer (a person or a cooperative), from her application on; her tracking code is her producer code. */
@Entity
@Table(name = "pr_producer")
public class Producer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_code", nullable = false, updatable = false)
    private String trackingCode;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Embedded
    private ApplicantRecord applicant;

    @Column(name = "applicant_type", nullable = false, updatable = false)
    private String applicantType;

    @Column(name = "cooperative_name")
    private String cooperativeName;

    @Column(name = "tax_number", updatable = false)
    private String taxNumber;

    private String email;

    @Column(nullable = false)
    private String neighbourhood;

    @Column(name = "product_categories", nullable = false)
    private String productCategories;

    @Column(name = "sells_food", nullable = false)
    private boolean sellsFood;

    @Column(name = "production_place", nullable = false)
    private String productionPlace;

    @Column(name = "sales_channel", nullable = false)
    private String salesChannel;

    @Column(name = "food_registration_no")
    private String foodRegistrationNo;

    @Column(name = "womens_cooperative")
    private String womensCooperative;

    @Column(name = "kvkk_consent_at", nullable = false, updatable = false)
    private Instant kvkkConsentAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProducerStatus status;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "orientation_meeting_on")
    private LocalDate orientationMeetingOn;

    @Column(name = "orientation_attended_at")
    private Instant orientationAttendedAt;

    @Column(name = "shop_id")
    private String shopId;

    @Column(name = "shop_opened_at")
    private Instant shopOpenedAt;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected Producer() {
    }

    /** The values of the start form, already validated and normalized. */
    public record Application(String applicantType, String fullName, String tcKimlikNo, String cooperativeName,
            String taxNumber, String phone, String email, String district, String neighbourhood,
            List<String> productCategories, String productionPlace, String salesChannel, String foodRegistrationNo,
            String womensCooperative) {
    }

    Producer(String trackingCode, Application application, Instant submittedAt) {
        this.trackingCode = trackingCode;
        this.applicantType = application.applicantType();
        this.applicant = new ApplicantRecord(application.fullName(), application.tcKimlikNo(), application.phone(), application.district());
        this.cooperativeName = application.cooperativeName();
        this.taxNumber = application.taxNumber();
        this.email = application.email();
        this.neighbourhood = application.neighbourhood();
        this.productCategories = String.join(",", application.productCategories());
        this.sellsFood = application.productCategories().contains(ProducerOnboardingProcess.Decisions.FOOD);
        this.productionPlace = application.productionPlace();
        this.salesChannel = application.salesChannel();
        this.foodRegistrationNo = application.foodRegistrationNo();
        this.womensCooperative = application.womensCooperative();
        this.kvkkConsentAt = submittedAt;
        this.submittedAt = submittedAt;
        this.status = ProducerStatus.IN_REVIEW;
    }

    void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void changeStatus(ProducerStatus status, Instant at) {
        this.status = status;
        if (status == ProducerStatus.REJECTED || status == ProducerStatus.WITHDRAWN || status == ProducerStatus.ORIENTATION) {
            this.decidedAt = at;
        }
    }

    void reject(String reason, Instant at) {
        this.rejectionReason = reason;
        changeStatus(ProducerStatus.REJECTED, at);
    }

    void inviteTo(LocalDate meeting) {
        this.orientationMeetingOn = meeting;
    }

    void attendedOrientation(Instant at) {
        this.orientationAttendedAt = at;
    }

    void shopOpened(String shopId, Instant at) {
        this.shopId = shopId;
        this.shopOpenedAt = at;
    }

    /** The cooperative's name, or the person's. */
    public String displayName() {
        return ProducerOnboardingProcess.Decisions.COOPERATIVE.equals(applicantType) ? cooperativeName : applicant.fullName();
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

    public String getApplicantType() {
        return applicantType;
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

    public String getCooperativeName() {
        return cooperativeName;
    }

    public String getTaxNumber() {
        return taxNumber;
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

    public List<String> getProductCategories() {
        return Arrays.asList(productCategories.split(","));
    }

    public boolean isSellsFood() {
        return sellsFood;
    }

    public String getProductionPlace() {
        return productionPlace;
    }

    public String getSalesChannel() {
        return salesChannel;
    }

    public String getFoodRegistrationNo() {
        return foodRegistrationNo;
    }

    public String getWomensCooperative() {
        return womensCooperative;
    }

    public ProducerStatus getStatus() {
        return status;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public LocalDate getOrientationMeetingOn() {
        return orientationMeetingOn;
    }

    public Instant getOrientationAttendedAt() {
        return orientationAttendedAt;
    }

    public String getShopId() {
        return shopId;
    }

    public Instant getShopOpenedAt() {
        return shopOpenedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
