package tr.bel.izmit.kadinaile.microcredit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

/** The test-only crash point of the crash harness cannot be armed by accident. */
@SpringBootTest
@ActiveProfiles("test")
class DisbursementCrashPointTests {

    @Autowired
    ApplicationContext context;

    @Test
    void shouldNotExistUnlessItsPropertyIsSet() {
        assertThat(context.getBeanProvider(DisbursementCrashPoint.class).getIfAvailable()).isNull();
    }

    @Test
    void shouldRefuseToStartWithoutTheCrashTestProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");

        assertThatThrownBy(() -> new DisbursementCrashPoint(1, production))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("crash-test");
    }
}
