package tr.bel.izmit.kadinaile.violenceline;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Encrypts an entity's text attribute on its way into the database and decrypts it on the way out. Not
 * applied automatically: each personal-data attribute names it with {@code @Convert}. Hibernate obtains it
 * from Spring (Spring Boot configures Hibernate's bean container), so it gets the {@link FieldCipher} with
 * the configured key; it deliberately has no no-argument constructor, so that it can never be created
 * without a key.
 */
@Component
@Converter
public class EncryptedStringConverter implements AttributeConverter<String, String> {

    private final FieldCipher cipher;

    public EncryptedStringConverter(FieldCipher cipher) {
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
