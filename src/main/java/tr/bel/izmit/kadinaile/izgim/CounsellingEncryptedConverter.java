package tr.bel.izmit.kadinaile.izgim;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Encrypts a counselling entity's text attribute on its way into the database and decrypts it on the way out, with
 * the counselling key ({@link CounsellingCipher}). Named by each personal-data attribute with {@code @Convert};
 * obtained by Hibernate from Spring, so it can never be created without the key.
 */
@Component
@Converter
public class CounsellingEncryptedConverter implements AttributeConverter<String, String> {

    private final CounsellingCipher cipher;

    public CounsellingEncryptedConverter(CounsellingCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return cipher.encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return cipher.decrypt(dbData);
    }
}
