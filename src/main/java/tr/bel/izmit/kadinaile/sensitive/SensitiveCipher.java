package tr.bel.izmit.kadinaile.sensitive;

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
 * Encrypts single column values with AES-256-GCM, one instance per key. Every value gets a fresh random 12-byte IV,
 * so the same text never gives the same stored value twice. Stored form: base64 of {@code version (1 byte) | IV (12
 * bytes) | ciphertext | tag (16 bytes)}; the version byte is authenticated too and leaves room for a key rotation. A
 * tampered value or a wrong key fails loudly ({@link DecryptionException}) instead of yielding garbage.
 * <p>
 * A cipher made with {@link Reads#ALSO_UNVERSIONED} also reads the earlier format of İZGİM counselling (Spring
 * Security's {@code AesBytesEncryptor} with GCM: base64 of {@code IV (16 bytes) | ciphertext | tag (16 bytes)}, no
 * version byte, no associated data), so values stored before the kit stay readable; it writes the versioned form only.
 * <p>
 * Neither this class nor its exceptions ever mention a plaintext, a ciphertext or the key.
 */
public class SensitiveCipher {

    /** Length of an AES-256 key. */
    public static final int KEY_LENGTH = 32;
    public static final byte VERSION_1 = 1;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + IV_LENGTH + TAG_BITS / 8;
    private static final int UNVERSIONED_IV_LENGTH = 16;
    private static final int UNVERSIONED_OVERHEAD = UNVERSIONED_IV_LENGTH + TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /** Which stored forms a cipher reads. */
    public enum Reads {
        /** The versioned form only. */
        VERSIONED,
        /** The versioned form and the unversioned one written by İZGİM counselling before the kit. */
        ALSO_UNVERSIONED
    }

    private final SecretKey key;
    private final Reads reads;
    private final SecureRandom random = new SecureRandom();

    public SensitiveCipher(byte[] key) {
        this(key, Reads.VERSIONED);
    }

    public SensitiveCipher(byte[] key, Reads reads) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("The data key must be exactly " + KEY_LENGTH + " bytes (AES-256), not "
                + (key == null ? "missing" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(key, "AES");
        this.reads = reads;
    }

    /** Decodes a base64 key and checks its length; the message of a failure never contains the key. */
    public static byte[] decodeKey(String base64Key) {
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
        if (reads == Reads.ALSO_UNVERSIONED) {
            return decryptEitherForm(bytes);
        }
        if (bytes.length < OVERHEAD) {
            throw new DecryptionException("The stored value is too short to be an encrypted value");
        }
        if (bytes[0] != VERSION_1) {
            throw new DecryptionException("The stored value has an unknown format version");
        }
        return open(bytes, 1, IV_LENGTH, true);
    }

    /**
     * The unversioned form starts with a random IV, so its first byte is the version byte by chance one time in 256:
     * a value that fails as the versioned form is tried as the unversioned one. Both are authenticated, so a value
     * opens under at most the form it was written in, and a tampered one under neither.
     */
    private String decryptEitherForm(byte[] bytes) {
        if (bytes.length >= OVERHEAD && bytes[0] == VERSION_1) {
            try {
                return open(bytes, 1, IV_LENGTH, true);
            } catch (DecryptionException e) {
                if (bytes.length < UNVERSIONED_OVERHEAD) {
                    throw e;
                }
            }
        }
        if (bytes.length < UNVERSIONED_OVERHEAD) {
            throw new DecryptionException("The stored value is too short to be an encrypted value");
        }
        return open(bytes, 0, UNVERSIONED_IV_LENGTH, false);
    }

    private String open(byte[] bytes, int ivOffset, int ivLength, boolean versioned) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, ivOffset, ivLength));
            if (versioned) {
                cipher.updateAAD(bytes, 0, 1);
            }
            int sealedOffset = ivOffset + ivLength;
            byte[] plain = cipher.doFinal(bytes, sealedOffset, bytes.length - sealedOffset);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("The stored value failed authentication: wrong key or tampered data");
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("The stored value could not be decrypted");
        }
    }

    /** The longest text (in UTF-8 bytes) whose stored form fits a column of the given length. */
    public static int maxPlaintextBytes(int columnLength) {
        return columnLength / 4 * 3 - OVERHEAD;
    }

    /** @return whether the stored form of the text (null: nothing) fits a column of the given length */
    public static boolean fits(String plaintext, int columnLength) {
        return plaintext == null || plaintext.getBytes(StandardCharsets.UTF_8).length <= maxPlaintextBytes(columnLength);
    }

    /**
     * A stored value could not be decrypted. Carries no data. An {@link IllegalStateException}, as the failures of
     * counselling's earlier cipher were.
     */
    public static class DecryptionException extends IllegalStateException {
        DecryptionException(String message) {
            super(message);
        }
    }
}
