package tr.bel.izmit.kadinaile.violenceline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single column values with AES-256-GCM. Every value gets a fresh random 12-byte IV, so the same
 * text never gives the same stored value twice. Stored form: base64 of {@code version (1 byte) | IV (12
 * bytes) | ciphertext | tag (16 bytes)}; the version byte is authenticated too, and leaves room for a later
 * key rotation. A tampered value or a wrong key fails loudly instead of yielding garbage.
 * <p>
 * Neither this class nor its exceptions ever mention a plaintext, a ciphertext or the key.
 */
public final class FieldCipher {

    /** Length of an AES-256 key. */
    public static final int KEY_LENGTH = 32;
    static final byte VERSION_1 = 1;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + IV_LENGTH + TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("The data key must be exactly " + KEY_LENGTH + " bytes (AES-256), not "
                + (key == null ? "missing" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key the base64 of 32 bytes, as in {@code app.violence-line.data-key} */
    public static FieldCipher fromBase64(String base64Key) {
        return new FieldCipher(decodeKey(base64Key));
    }

    /** Decodes a base64 key and checks its length; the message of a failure never contains the key. */
    static byte[] decodeKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("The data key is missing");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The data key is not valid base64");
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("The data key must decode to exactly " + KEY_LENGTH + " bytes (AES-256), not "
                + key.length + " bytes");
        }
        return key;
    }

    /** @return the stored form of the text, or null for null */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {VERSION_1});
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(1 + IV_LENGTH + sealed.length).put(VERSION_1).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available", e);
        }
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
            throw new DecryptionException("The stored value is not an encrypted value (not base64)");
        }
        if (bytes.length < OVERHEAD) {
            throw new DecryptionException("The stored value is too short to be an encrypted value");
        }
        if (bytes[0] != VERSION_1) {
            throw new DecryptionException("The stored value has an unknown format version");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, IV_LENGTH));
            cipher.updateAAD(bytes, 0, 1);
            byte[] plain = cipher.doFinal(bytes, 1 + IV_LENGTH, bytes.length - 1 - IV_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("The stored value failed authentication: wrong key or tampered data");
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("The stored value could not be decrypted");
        }
    }

    /**
     * The longest text (in UTF-8 bytes) whose stored form fits a column of the given length.
     */
    public static int maxPlaintextBytes(int columnLength) {
        return columnLength / 4 * 3 - OVERHEAD;
    }

    /** A stored value could not be decrypted. Carries no data. */
    public static class DecryptionException extends RuntimeException {
        DecryptionException(String message) {
            super(message);
        }
    }
}
