package tr.bel.izmit.kadinaile.sensitive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The converter base: null stays null both ways, a value is stored encrypted and read back with the key. */
class EncryptedAttributeConverterTests {

    private final SensitiveCipher cipher = new SensitiveCipher(SensitiveCipherTests.randomKey());
    private final EncryptedAttributeConverter converter = new EncryptedAttributeConverter(cipher) {
    };

    @Test
    void shouldKeepNullNullBothWays() {
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void shouldStoreTheCipherTextAndReadTheText() {
        String column = converter.convertToDatabaseColumn("Zümrüt-Kanarya 0532 111 22 33");

        assertThat(column).doesNotContain("Kanarya").doesNotContain("0532");
        assertThat(cipher.decrypt(column)).isEqualTo("Zümrüt-Kanarya 0532 111 22 33");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo("Zümrüt-Kanarya 0532 111 22 33");
    }
}
