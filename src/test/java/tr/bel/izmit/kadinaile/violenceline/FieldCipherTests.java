package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FieldCipher cipher = new FieldCipher(randomKey());

    @Test
    void shouldRoundTripTurkishText() {
        String text = "Şükriye Öztürk, İğdelik Mah. — çocuğu ğüşıöç İĞÜŞÖÇ, 0532 000 00 00";

        String stored = cipher.encrypt(text);

        assertThat(stored).doesNotContain("Şükriye").doesNotContain("0532");
        assertThat(cipher.decrypt(stored)).isEqualTo(text);
    }

    @Test
    void shouldRoundTripTheEmptyTextAndKeepNull() {
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void shouldStoreVersionByteIvAndTagAsBase64() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("abc"));

        assertThat(stored[0]).isEqualTo(FieldCipher.VERSION_1);
        assertThat(stored).hasSize(1 + 12 + 3 + 16);
    }

    @Test
    void shouldEncryptTheSameTextDifferentlyEachTime() {
        String first = cipher.encrypt("Zümrüt-Kanarya-4711");
        String second = cipher.encrypt("Zümrüt-Kanarya-4711");

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second));
    }

    @Test
    void shouldRejectATamperedValue() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("Zümrüt-Kanarya-4711"));
        for (int position : new int[] {0, 5, 1 + 12 + 2, stored.length - 1}) {
            byte[] tampered = stored.clone();
            tampered[position] ^= 0x01;

            assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(tampered)))
                .isInstanceOf(FieldCipher.DecryptionException.class)
                .hasMessageNotContaining("Kanarya");
        }
    }

    @Test
    void shouldRejectValuesThatAreNotEncrypted() {
        assertThatThrownBy(() -> cipher.decrypt("Zümrüt-Kanarya-4711")).isInstanceOf(FieldCipher.DecryptionException.class)
            .hasMessageNotContaining("Kanarya");
        assertThatThrownBy(() -> cipher.decrypt("AQID")).isInstanceOf(FieldCipher.DecryptionException.class);
    }

    @Test
    void shouldFailWithTheWrongKey() {
        String stored = cipher.encrypt("Zümrüt-Kanarya-4711");
        FieldCipher other = new FieldCipher(randomKey());

        assertThatThrownBy(() -> other.decrypt(stored)).isInstanceOf(FieldCipher.DecryptionException.class)
            .hasMessageContaining("wrong key or tampered");
    }

    @Test
    void shouldRefuseAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new FieldCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[24])))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes").hasMessageContaining("24");
        assertThatThrownBy(() -> FieldCipher.fromBase64("not base64 at all!")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining("not base64 at all!");
        assertThatThrownBy(() -> FieldCipher.fromBase64(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKnowHowMuchTextFitsAColumn() {
        int max = FieldCipher.maxPlaintextBytes(8000);

        assertThat(cipher.encrypt("a".repeat(max))).hasSizeLessThanOrEqualTo(8000);
        assertThat(cipher.encrypt("a".repeat(max + 3))).hasSizeGreaterThan(8000);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
