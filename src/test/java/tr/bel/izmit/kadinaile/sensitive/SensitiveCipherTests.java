package tr.bel.izmit.kadinaile.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

import tr.bel.izmit.kadinaile.sensitive.SensitiveCipher.Reads;

/**
 * The one cipher of the kit: round trip, a fresh IV per value, tamper and wrong-key detection, and the two stored forms
 * that databases already hold: the versioned one (the violence line's since V3) and the unversioned one İZGİM
 * counselling wrote with Spring Security's {@code AesBytesEncryptor} before the kit.
 */
class SensitiveCipherTests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TEXT = "Kanarya-4711 seans notu ğüşıöç";
    /** The development keys of application-test.properties (counselling, violence line). */
    private static final byte[] COUNSELLING_KEY = SensitiveCipher.decodeKey("Jz4Qm1b3qk0o7Xv2W9cY5tHn8Lr6Ue1Sa3Df0Gh2Jk4=");
    private static final byte[] LINE_KEY = SensitiveCipher.decodeKey("9prfCkoeBMJxCPoCTDJvm0Pg+uXBG8ptSCvkL8q7Ijk=");
    /**
     * TEXT as counselling stored it before the kit: AES-256-GCM without associated data, IV 00..0f, base64 of
     * {@code IV (16) | ciphertext | tag}; computed with another AES-GCM implementation (Python's cryptography).
     */
    private static final String UNVERSIONED_VALUE =
        "AAECAwQFBgcICQoLDA0OD4m5KffjmDQwLeK2QiZN4vyqp0fkWsJvLRbN60SNVax5aoLKlt/+gLN3/iTtnAXILevYYzQ=";
    /** The same, with an IV whose first byte is the version byte 1 (as one random IV in 256 has). */
    private static final String UNVERSIONED_VALUE_STARTING_WITH_1 =
        "AQIDBAUGBwgJCgsMDQ4PEF4g9ExNl6lIPSjTY9k6I75ve9iO+qBLAtCO3eUqAZy6/xmS4k7exWJqmGCXsJ00DiBybfI=";
    /** TEXT in the versioned form under the line's key: {@code 01 | IV 64..6f | ciphertext | tag}, the version authenticated. */
    private static final String VERSIONED_VALUE =
        "AWRlZmdoaWprbG1ub22HSbd2CK4D5Nez6d+FBR7zQxWSC7lhWpLw6PFI5F0g1sFob8QaGgVlyScGfQGmyXkxcuE=";

    @Test
    void shouldRoundTripWithAFreshIvEachTime() {
        SensitiveCipher cipher = new SensitiveCipher(randomKey());

        String first = cipher.encrypt(TEXT);
        String second = cipher.encrypt(TEXT);

        assertThat(first).isNotEqualTo(second).doesNotContain("Kanarya");
        assertThat(cipher.decrypt(first)).isEqualTo(TEXT);
        assertThat(cipher.decrypt(second)).isEqualTo(TEXT);
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
        assertThat(Base64.getDecoder().decode(first)[0]).isEqualTo(SensitiveCipher.VERSION_1);
    }

    @Test
    void shouldDetectEveryTamperedByteAndAWrongKeyInBothReadingModes() {
        byte[] key = randomKey();
        for (Reads reads : Reads.values()) {
            SensitiveCipher cipher = new SensitiveCipher(key, reads);
            byte[] stored = Base64.getDecoder().decode(cipher.encrypt(TEXT));
            for (int position = 0; position < stored.length; position++) {
                byte[] tampered = stored.clone();
                tampered[position] ^= 0x01;
                assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(tampered)))
                    .as("%s, byte %d flipped", reads, position)
                    .isInstanceOf(SensitiveCipher.DecryptionException.class).hasMessageNotContaining("Kanarya");
            }
            String value = cipher.encrypt(TEXT);
            assertThatThrownBy(() -> new SensitiveCipher(randomKey(), reads).decrypt(value))
                .isInstanceOf(SensitiveCipher.DecryptionException.class).hasMessageContaining("wrong key or tampered")
                .hasMessageNotContaining(value);
        }
    }

    @Test
    void shouldReadTheValuesTheViolenceLineStored() {
        assertThat(new SensitiveCipher(LINE_KEY).decrypt(VERSIONED_VALUE)).isEqualTo(TEXT);
        assertThat(new SensitiveCipher(LINE_KEY, Reads.ALSO_UNVERSIONED).decrypt(VERSIONED_VALUE)).isEqualTo(TEXT);
    }

    @Test
    void shouldReadTheValuesCounsellingStoredBeforeTheKit() {
        SensitiveCipher cipher = new SensitiveCipher(COUNSELLING_KEY, Reads.ALSO_UNVERSIONED);

        assertThat(cipher.decrypt(UNVERSIONED_VALUE)).isEqualTo(TEXT);
        assertThat(cipher.decrypt(UNVERSIONED_VALUE_STARTING_WITH_1)).isEqualTo(TEXT);
        // the earlier code itself: Spring Security's AesBytesEncryptor as CounsellingCipher configured it until a85997c
        AesBytesEncryptor earlier = new AesBytesEncryptor(new SecretKeySpec(COUNSELLING_KEY, "AES"),
            KeyGenerators.secureRandom(16), AesBytesEncryptor.CipherAlgorithm.GCM);
        for (int i = 0; i < 300; i++) {
            String stored = Base64.getEncoder().encodeToString(earlier.encrypt((TEXT + i).getBytes(StandardCharsets.UTF_8)));
            assertThat(cipher.decrypt(stored)).isEqualTo(TEXT + i);
        }
    }

    @Test
    void shouldRefuseTheUnversionedFormWhereItWasNeverWrittenAndATamperedOne() {
        assertThatThrownBy(() -> new SensitiveCipher(COUNSELLING_KEY).decrypt(UNVERSIONED_VALUE))
            .isInstanceOf(SensitiveCipher.DecryptionException.class);
        byte[] tampered = Base64.getDecoder().decode(UNVERSIONED_VALUE_STARTING_WITH_1);
        tampered[20] ^= 0x01;
        assertThatThrownBy(() -> new SensitiveCipher(COUNSELLING_KEY, Reads.ALSO_UNVERSIONED)
            .decrypt(Base64.getEncoder().encodeToString(tampered)))
            .isInstanceOf(SensitiveCipher.DecryptionException.class).hasMessageContaining("wrong key or tampered");
        assertThatThrownBy(() -> new SensitiveCipher(LINE_KEY, Reads.ALSO_UNVERSIONED).decrypt(UNVERSIONED_VALUE))
            .isInstanceOf(SensitiveCipher.DecryptionException.class).hasMessageContaining("wrong key or tampered");
    }

    @Test
    void shouldRefuseValuesThatAreNotEncryptedAndBadKeysWithoutNamingThem() {
        SensitiveCipher cipher = new SensitiveCipher(randomKey(), Reads.ALSO_UNVERSIONED);
        assertThatThrownBy(() -> cipher.decrypt("Kanarya-4711")).isInstanceOf(SensitiveCipher.DecryptionException.class)
            .hasMessageNotContaining("Kanarya");
        assertThatThrownBy(() -> cipher.decrypt("AQID")).isInstanceOf(SensitiveCipher.DecryptionException.class);
        assertThatThrownBy(() -> new SensitiveCipher(new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SensitiveCipher.decodeKey("c2hvcnQ=")).hasMessageContaining("32 bytes")
            .hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> SensitiveCipher.decodeKey(" ")).hasMessageContaining("missing");
    }

    @Test
    void shouldKnowWhatFitsAColumn() {
        SensitiveCipher cipher = new SensitiveCipher(randomKey());
        int max = SensitiveCipher.maxPlaintextBytes(2000);

        assertThat(cipher.encrypt("a".repeat(max))).hasSizeLessThanOrEqualTo(2000);
        assertThat(SensitiveCipher.fits("a".repeat(max), 2000)).isTrue();
        assertThat(SensitiveCipher.fits("ş".repeat(max / 2 + 1), 2000)).isFalse();
        assertThat(SensitiveCipher.fits(null, 10)).isTrue();
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
