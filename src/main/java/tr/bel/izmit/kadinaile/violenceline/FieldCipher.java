package tr.bel.izmit.kadinaile.violenceline;

import tr.bel.izmit.kadinaile.sensitive.SensitiveCipher;

/**
 * The violence line's cipher: the kit's {@link SensitiveCipher} (AES-256-GCM, versioned stored form) with the line's
 * key ({@code app.violence-line.data-key}). Reads the versioned form only, the only one the line ever wrote.
 */
public final class FieldCipher extends SensitiveCipher {

    public FieldCipher(byte[] key) {
        super(key);
    }

    /** @param base64Key the base64 of 32 bytes, as in {@code app.violence-line.data-key} */
    public static FieldCipher fromBase64(String base64Key) {
        return new FieldCipher(decodeKey(base64Key));
    }
}
