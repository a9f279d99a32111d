package tr.bel.izmit.kadinaile.courses;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A master instructor (usta öğretici) of İZMEK. */
@Entity
@Table(name = "crs_instructor")
public class Instructor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String speciality;

    @Column(nullable = false)
    private boolean active;

    protected Instructor() {
    }

    public Instructor(String fullName, String speciality, boolean active) {
        this.fullName = fullName;
        this.speciality = speciality;
        this.active = active;
    }

    void update(String fullName, String speciality, boolean active) {
        this.fullName = fullName;
        this.speciality = speciality;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getSpeciality() {
        return speciality;
    }

    public boolean isActive() {
        return active;
    }
}
