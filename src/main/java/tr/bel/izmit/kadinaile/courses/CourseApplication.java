package tr.bel.izmit.kadinaile.courses;

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

import tr.bel.izmit.kadinaile.common.ApplicantRecord;

/** An application to an İZMEK course with the applicant's personal data and her seat or place in line. */
@Entity
@Table(name = "crs_application")
public class CourseApplication {

    /** Waitlist tiers: regular applicants first, then those who dropped out of a course last term. */
    public static final int TIER_REGULAR = 0;
    public static final int TIER_LAST = 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_code", nullable = false, updatable = false)
    private String trackingCode;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Embedded
    private ApplicantRecord applicant;

    @Column(name = "course_id", nullable = false, updatable = false)
    private Long courseId;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;

    @Column(name = "waitlist_tier", nullable = false)
    private int waitlistTier;

    @Column(name = "waitlist_seq")
    private Integer waitlistSeq;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "total_hours")
    private Integer totalHours;

    @Column(name = "absent_hours")
    private Integer absentHours;

    protected CourseApplication() {
    }

    public CourseApplication(String trackingCode, Long courseId, Applicant applicant, int waitlistTier, Instant submittedAt) {
        this.trackingCode = trackingCode;
        this.courseId = courseId;
        this.applicant = new ApplicantRecord(applicant.fullName(), applicant.tcKimlikNo(), applicant.phone(), applicant.district());
        this.birthDate = applicant.birthDate();
        this.waitlistTier = waitlistTier;
        this.submittedAt = submittedAt;
        this.status = EnrollmentStatus.SUBMITTED;
    }

    /** The values of the start form, already validated and normalized. */
    public record Applicant(String fullName, String tcKimlikNo, LocalDate birthDate, String phone, String district) {
    }

    void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void placeLastInLine() {
        this.waitlistTier = TIER_LAST;
    }

    void toInterview() {
        this.status = EnrollmentStatus.INTERVIEW;
    }

    void enroll(Instant at) {
        this.status = EnrollmentStatus.ENROLLED;
        this.waitlistSeq = null;
        this.enrolledAt = at;
    }

    void waitlist(int seq) {
        this.status = EnrollmentStatus.WAITLISTED;
        this.waitlistSeq = seq;
    }

    void finish(EnrollmentStatus status, Instant at) {
        this.status = status;
        this.waitlistSeq = null;
        this.decidedAt = at;
    }

    void recordAttendance(int totalHours, int absentHours) {
        this.totalHours = totalHours;
        this.absentHours = absentHours;
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

    public Long getCourseId() {
        return courseId;
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

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getPhone() {
        return applicant.phone();
    }

    public String getDistrict() {
        return applicant.district();
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public int getWaitlistTier() {
        return waitlistTier;
    }

    public Integer getWaitlistSeq() {
        return waitlistSeq;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Integer getTotalHours() {
        return totalHours;
    }

    public Integer getAbsentHours() {
        return absentHours;
    }
}
