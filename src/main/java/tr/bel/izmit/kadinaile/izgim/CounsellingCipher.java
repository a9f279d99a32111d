package tr.bel.izmit.kadinaile.izgim;

import tr.bel.izmit.kadinaile.sensitive.SensitiveCipher;

/**
 * The counselling cipher: the kit's {@link SensitiveCipher} (AES-256-GCM) with the counselling key
 * ({@code app.izgim.data-key}, separate from the violence line's). Writes the kit's versioned form; also reads the
 * form counselling stored before the kit (Spring Security's {@code AesBytesEncryptor}: 16-byte IV, no version byte),
 * so every value already in {@code iz_*} stays readable.
 */
public final class CounsellingCipher extends SensitiveCipher {

    public CounsellingCipher(byte[] key) {
        super(key, Reads.ALSO_UNVERSIONED);
    }
}
