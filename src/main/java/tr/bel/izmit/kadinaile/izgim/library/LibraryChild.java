package tr.bel.izmit.kadinaile.izgim.library;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import tr.bel.izmit.kadinaile.izgim.CounsellingEncryptedConverter;

/**
 * A child registered at the library desk. Her first name, birth year and her parent's name and mobile phone are
 * encrypted at rest with İZGİM's key ({@code IZGIM_DATA_KEY}, {@link CounsellingEncryptedConverter}): whoever reads the
 * table or a backup without the key learns nothing about the child. In clear stay the card number (a random code the
 * system made, by which the desk finds her), the consent's version and time, and who registered her when.
 */
@Entity
@Table(name = "izl_child")
class LibraryChild {

    /**
     * Width of the encrypted columns (V30): the stored form of the longest text the rules allow (a parent's name of 120
     * characters, up to 360 bytes in UTF-8) fits, see {@code CounsellingCipher.maxPlaintextBytes}.
     */
    static final int ENCRYPTED_COLUMN_LENGTH = 600;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_number", nullable = false, updatable = false)
    private String cardNumber;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "first_name", nullable = false, length = ENCRYPTED_COLUMN_LENGTH)
    private String firstName;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "birth_year", nullable = false, length = ENCRYPTED_COLUMN_LENGTH)
    private String birthYear;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "parent_name", nullable = false, length = ENCRYPTED_COLUMN_LENGTH)
    private String parentName;

    @Convert(converter = CounsellingEncryptedConverter.class)
    @Column(name = "parent_phone", nullable = false, length = ENCRYPTED_COLUMN_LENGTH)
    private String parentPhone;

    @Column(name = "consent_version", nullable = false, updatable = false)
    private String consentVersion;

    @Column(name = "consent_at", nullable = false, updatable = false)
    private Instant consentAt;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    protected LibraryChild() {
    }

    LibraryChild(String cardNumber, String firstName, int birthYear, String parentName, String parentPhone, String consentVersion,
            String registeredBy, Instant at) {
        this.cardNumber = cardNumber;
        this.firstName = firstName;
        this.birthYear = String.valueOf(birthYear);
        this.parentName = parentName;
        this.parentPhone = parentPhone;
        this.consentVersion = consentVersion;
        this.consentAt = at;
        this.registeredBy = registeredBy;
        this.registeredAt = at;
    }

    ChildrensLibrary.Child toChild() {
        return new ChildrensLibrary.Child(cardNumber, firstName, Integer.parseInt(birthYear), parentName, parentPhone,
            consentVersion, consentAt, registeredAt);
    }

    Long getId() {
        return id;
    }

    /** Never prints the child's data. */
    @Override
    public String toString() {
        return "LibraryChild[id=" + id + ", personal data redacted]";
    }
}
