package tr.bel.izmit.kadinaile.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who applied, as every application table keeps her: name, T.C. Kimlik No, mobile phone and district, in the
 * columns {@code full_name}, {@code tc_kimlik_no}, {@code phone} and {@code district} that the microcredit, course and
 * producer tables share (stand requests point at their producer). Embedded in each application entity; the values
 * are already validated and normalized by the capability's intake. Personal data: never in logs or process variables.
 *
 * @param tcKimlikNo null for a producer that is a cooperative (it has a tax number instead)
 * @param district a {@link KocaeliDistrict} name
 */
@Embeddable
public record ApplicantRecord(
        @Column(name = "full_name", nullable = false) String fullName,
        @Column(name = "tc_kimlik_no", updatable = false) String tcKimlikNo,
        @Column(name = "phone", nullable = false) String phone,
        @Column(name = "district", nullable = false) String district) {

    /** Names no value: a record's generated text would put her name, number and phone into any log that prints it. */
    @Override
    public String toString() {
        return "ApplicantRecord[personal data]";
    }
}
