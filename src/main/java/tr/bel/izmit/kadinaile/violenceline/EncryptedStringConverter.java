package tr.bel.izmit.kadinaile.violenceline;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.sensitive.EncryptedAttributeConverter;

/**
 * Encrypts a violence line entity's text attribute with the line's key ({@link FieldCipher}); not applied
 * automatically: each personal-data attribute names it with {@code @Convert}.
 */
@Component
@Converter
public class EncryptedStringConverter extends EncryptedAttributeConverter {

    public EncryptedStringConverter(FieldCipher cipher) {
        super(cipher);
    }
}
