package tr.bel.izmit.kadinaile.sensitive;

import jakarta.persistence.AttributeConverter;

/**
 * Encrypts an entity's text attribute on its way into the database and decrypts it on the way out, with one
 * service's key. Each service has one subclass for its key (a Spring {@code @Component} and JPA {@code @Converter}
 * whose constructor takes that service's cipher), named by each personal-data attribute with {@code @Convert}.
 * Hibernate obtains it from Spring (Spring Boot configures Hibernate's bean container), so it gets the configured key;
 * there is deliberately no no-argument constructor, so a converter can never be created without a key. Null stays
 * null both ways.
 */
public abstract class EncryptedAttributeConverter implements AttributeConverter<String, String> {

    private final SensitiveCipher cipher;

    protected EncryptedAttributeConverter(SensitiveCipher cipher) {
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
