package tr.bel.izmit.kadinaile.izgim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Encrypts the counselling data column by column with AES-256-GCM (Spring Security's {@link AesBytesEncryptor}, a fresh
 * random 16-byte IV per value, so the same text never gives the same stored value twice). Its own key, separate from
 * the violence line's ({@code app.izgim.data-key}). Stored form: base64 of {@code IV | ciphertext | tag}. A tampered
 * value or a wrong key fails loudly; neither this class nor its exceptions mention a plaintext, a ciphertext or the key.
 */
public final class CounsellingCipher {

    /** Length of an AES-256 key. */
    public static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 16;
    private static final int TAG_LENGTH = 16;

    private final BytesEncryptor encryptor;

    public CounsellingCipher(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("The counselling data key must be exactly " + KEY_LENGTH + " bytes (AES-256)");
        }
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(IV_LENGTH),
            AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    /** Decodes a base64 key and checks its length; the message of a failure never contains the key. */
    static byte[] decodeKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("The counselling data key is missing");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The counselling data key is not valid base64");
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("The counselling data key must decode to exactly " + KEY_LENGTH
                + " bytes (AES-256), not " + key.length + " bytes");
        }
        return key;
    }

    /** @return the stored form of the text, or null for null */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(encryptor.encrypt(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** @return the text of a stored value, or null for null */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored counselling value is not an encrypted value");
        }
        if (bytes.length < IV_LENGTH + TAG_LENGTH) {
            throw new IllegalStateException("The stored counselling value is too short to be an encrypted value");
        }
        try {
            return new String(encryptor.decrypt(bytes), StandardCharsets.UTF_8);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the library's message names no data; its cause (AEADBadTagException) neither
            throw new IllegalStateException("The stored counselling value failed authentication: wrong key or tampered data");
        }
    }

    /** The longest text (in UTF-8 bytes) whose stored form fits a column of the given length. */
    public static int maxPlaintextBytes(int columnLength) {
        return columnLength / 4 * 3 - IV_LENGTH - TAG_LENGTH;
    }
}
