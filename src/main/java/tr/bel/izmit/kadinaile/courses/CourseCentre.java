package tr.bel.izmit.kadinaile.courses;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An İZMEK course centre (run with Halk Eğitim) in one of Kocaeli's districts. */
@Entity
@Table(name = "crs_centre")
public class CourseCentre {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String district;

    @Column(nullable = false)
    private boolean active;

    protected CourseCentre() {
    }

    public CourseCentre(String code, String name, String district, boolean active) {
        this.code = code;
        this.name = name;
        this.district = district;
        this.active = active;
    }

    void update(String name, String district, boolean active) {
        this.name = name;
        this.district = district;
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDistrict() {
        return district;
    }

    public boolean isActive() {
        return active;
    }
}
