package tr.bel.izmit.kadinaile.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/** The key check of any service's data key, parameterised by property, environment variable and development key. */
class DataKeyGuardTests {

    private static final String DEVELOPMENT_KEY = Base64.getEncoder().encodeToString("kit-development-key-32-bytes-xyz".getBytes());
    static final DataKey KEY = new DataKey("the kit's test key", "app.kit-test.data-key", "KIT_TEST_DATA_KEY", DEVELOPMENT_KEY,
        "the kit's test data");

    @Configuration(proxyBeanMethods = false)
    static class Guarded {
        @Bean
        static DataKeyGuard kitTestDataKeyGuard(Environment environment) {
            return new DataKeyGuard(environment, KEY);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Guarded.class);

    @Test
    void shouldRefuseTheDevelopmentKeyOutsideDemoAndTest() {
        for (String profile : new String[] {"postgres", "default", "prod"}) {
            runner.withPropertyValues(KEY.property() + "=" + DEVELOPMENT_KEY, "spring.profiles.active=" + profile)
                .run(context -> assertThat(context).hasFailed().getFailure().hasMessageContaining("development key")
                    .hasMessageContaining("KIT_TEST_DATA_KEY").hasMessageContaining("the kit's test key")
                    .hasMessageNotContaining(DEVELOPMENT_KEY));
        }
        MockEnvironment noProfile = new MockEnvironment().withProperty(KEY.property(), DEVELOPMENT_KEY);
        noProfile.setDefaultProfiles("default");
        assertThatThrownBy(() -> KEY.check(noProfile)).hasMessageContaining("development key");
    }

    @Test
    void shouldLetDemoAndTestUseTheDevelopmentKey() {
        for (String profile : new String[] {"demo", "test"}) {
            runner.withPropertyValues(KEY.property() + "=" + DEVELOPMENT_KEY, "spring.profiles.active=" + profile)
                .run(context -> assertThat(context).hasNotFailed());
        }
        MockEnvironment byDefault = new MockEnvironment().withProperty(KEY.property(), DEVELOPMENT_KEY);
        byDefault.setDefaultProfiles("demo");
        assertThat(KEY.check(byDefault)).hasSize(32);
    }

    @Test
    void shouldRefuseAMissingOrMalformedKeyNamingTheVariableNotTheKey() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().hasMessageContaining("KIT_TEST_DATA_KEY")
            .hasMessageContaining("missing").hasMessageContaining("the kit's test data"));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        runner.withPropertyValues(KEY.property() + "=" + shortKey).run(context -> assertThat(context).hasFailed()
            .getFailure().hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey));
        runner.withPropertyValues(KEY.property() + "=not base64!").run(context -> assertThat(context).hasFailed()
            .getFailure().hasMessageContaining("base64").hasMessageNotContaining("not base64!"));
    }

    @Test
    void shouldReturnAKeyOfItsOwnUnderEveryProfile() {
        byte[] own = SensitiveCipherTests.randomKey();
        MockEnvironment production = new MockEnvironment().withProperty(KEY.property(), Base64.getEncoder().encodeToString(own));
        production.setActiveProfiles("postgres");
        assertThat(KEY.check(production)).isEqualTo(own);
        assertThat(KEY.toString()).doesNotContain(DEVELOPMENT_KEY);
    }
}
