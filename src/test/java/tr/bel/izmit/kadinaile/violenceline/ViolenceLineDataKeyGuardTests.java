package tr.bel.izmit.kadinaile.violenceline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

class ViolenceLineDataKeyGuardTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(ViolenceCaseStoreConfiguration.class);

    @Test
    void shouldRefuseToStartWithoutAKey() {
        runner.run(context -> assertThat(context).hasFailed().getFailure()
            .hasMessageContaining("VIOLENCE_LINE_DATA_KEY").hasMessageContaining("missing"));
    }

    @Test
    void shouldRefuseToStartWithAKeyOfTheWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        runner.withPropertyValues("app.violence-line.data-key=" + shortKey).run(context -> assertThat(context).hasFailed()
            .getFailure().hasMessageContaining("VIOLENCE_LINE_DATA_KEY").hasMessageContaining("32 bytes")
            .hasMessageNotContaining(shortKey));
    }

    @Test
    void shouldRefuseTheDevelopmentKeyOutsideDemoAndTest() {
        runner.withPropertyValues("app.violence-line.data-key=" + ViolenceLineDataKeyGuard.DEVELOPMENT_KEY,
                "spring.profiles.active=postgres")
            .run(context -> assertThat(context).hasFailed().getFailure()
                .hasMessageContaining("development key").hasMessageContaining("VIOLENCE_LINE_DATA_KEY"));
    }

    @Test
    void shouldLetTheDemoAndTestProfilesUseTheDevelopmentKey() {
        for (String profile : new String[] {"demo", "test"}) {
            MockEnvironment environment = new MockEnvironment().withProperty(ViolenceLineDataKeyGuard.PROPERTY,
                ViolenceLineDataKeyGuard.DEVELOPMENT_KEY);
            environment.setActiveProfiles(profile);
            assertThat(ViolenceLineDataKeyGuard.check(environment)).hasSize(32);
        }
        // as in application.properties: spring.profiles.default=demo, no profile active
        MockEnvironment byDefault = new MockEnvironment().withProperty(ViolenceLineDataKeyGuard.PROPERTY,
            ViolenceLineDataKeyGuard.DEVELOPMENT_KEY);
        byDefault.setDefaultProfiles("demo");
        assertThat(ViolenceLineDataKeyGuard.check(byDefault)).hasSize(32);
    }

    @Test
    void shouldStartWithAKeyOfItsOwn() {
        byte[] key = new byte[32];
        key[0] = 42;
        runner.withPropertyValues("app.violence-line.data-key=" + Base64.getEncoder().encodeToString(key))
            .run(context -> {
                assertThat(context).hasNotFailed().hasSingleBean(FieldCipher.class);
                FieldCipher cipher = context.getBean(FieldCipher.class);
                assertThat(cipher.decrypt(cipher.encrypt("İstanbul"))).isEqualTo("İstanbul");
                assertThat(context.getBean(ViolenceLineProperties.class).toString()).doesNotContain("KgAAAA");
            });
    }
}
