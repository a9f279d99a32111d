package tr.bel.izmit.kadinaile.izgim;

import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.sensitive.EncryptedAttributeConverter;

/**
 * Encrypts an İZGİM entity's text attribute with the counselling key ({@link CounsellingCipher}); named by each
 * personal-data attribute with {@code @Convert}.
 */
@Component
@Converter
public class CounsellingEncryptedConverter extends EncryptedAttributeConverter {

    public CounsellingEncryptedConverter(CounsellingCipher cipher) {
        super(cipher);
    }
}
