package tr.bel.izmit.kadinaile.courses;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A course certificate; its number can be verified publicly (initials, course and date only). */
@Entity
@Table(name = "crs_certificate")
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(name = "course_id", nullable = false, updatable = false)
    private Long courseId;

    @Column(name = "holder_initials", nullable = false, updatable = false)
    private String holderInitials;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    protected Certificate() {
    }

    public Certificate(String number, Long applicationId, Long courseId, String holderInitials, LocalDate issuedOn, Instant issuedAt) {
        this.number = number;
        this.applicationId = applicationId;
        this.courseId = courseId;
        this.holderInitials = holderInitials;
        this.issuedOn = issuedOn;
        this.issuedAt = issuedAt;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getCourseId() {
        return courseId;
    }

    public String getHolderInitials() {
        return holderInitials;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
