package tr.bel.izmit.kadinaile.izgim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The counselling cipher and its key check: AES-GCM with a fresh IV, a wrong key or a tampered value fails loudly. */
class CounsellingCipherTests {

    private static final byte[] KEY = CounsellingCipher.decodeKey(IzgimDataKeyGuard.DEVELOPMENT_KEY);

    @Test
    void shouldEncryptTheSameTextDifferentlyEachTimeAndReadItBack() {
        CounsellingCipher cipher = new CounsellingCipher(KEY);
        String first = cipher.encrypt("Kanarya seans notu ğüşiöç");
        String second = cipher.encrypt("Kanarya seans notu ğüşiöç");
        assertThat(first).isNotEqualTo(second).doesNotContain("Kanarya");
        assertThat(cipher.decrypt(first)).isEqualTo("Kanarya seans notu ğüşiöç");
        assertThat(cipher.encrypt(null)).isNull();
    }

    @Test
    void shouldRefuseAWrongKeyATamperedValueAndABadKeyWithoutNamingThem() {
        String stored = new CounsellingCipher(KEY).encrypt("gizli");
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;
        assertThatThrownBy(() -> new CounsellingCipher(other).decrypt(stored)).hasMessageContaining("wrong key or tampered")
            .hasMessageNotContaining("gizli");
        byte[] bytes = Base64.getDecoder().decode(stored);
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> new CounsellingCipher(KEY).decrypt(Base64.getEncoder().encodeToString(bytes)))
            .hasMessageContaining("wrong key or tampered");
        assertThatThrownBy(() -> CounsellingCipher.decodeKey("c2hvcnQ=")).hasMessageContaining("32 bytes")
            .hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void shouldRefuseToStartWithoutAKeyOrWithTheDevelopmentKeyOutsideDemoAndTest() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CounsellingConfiguration.class);
        runner.run(context -> assertThat(context).hasFailed().getFailure().hasMessageContaining("IZGIM_DATA_KEY"));
        runner.withPropertyValues("app.izgim.data-key=" + IzgimDataKeyGuard.DEVELOPMENT_KEY)
            .run(context -> assertThat(context).hasFailed().getFailure().hasMessageContaining("development key"));
        runner.withPropertyValues("app.izgim.data-key=" + IzgimDataKeyGuard.DEVELOPMENT_KEY, "spring.profiles.active=test")
            .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CounsellingCipher.class));
    }
}
