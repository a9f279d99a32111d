package tr.bel.izmit.kadinaile.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTests {

    private static final String PROPERTY = "camunda.bpm.admin-user.password";

    @Test
    void shouldLetTheDemoProfileStartWithoutAPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");

        assertThatCode(() -> AdminPasswordGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetTheDemoProfileStartWithTheDemoPassword() {
        MockEnvironment environment = new MockEnvironment().withProperty(PROPERTY, "demo");
        environment.setActiveProfiles("demo");

        assertThatCode(() -> AdminPasswordGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetTheDemoStartWhenItIsTheDefaultProfileAndNoneIsActive() {
        // As in application.properties: spring.profiles.default=demo
        MockEnvironment environment = new MockEnvironment();
        environment.setDefaultProfiles("demo");

        assertThatCode(() -> AdminPasswordGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAMissingPasswordWithoutAProfile() {
        MockEnvironment environment = new MockEnvironment();

        assertRefused(environment);
    }

    @Test
    void shouldRefuseAMissingPasswordInProduction() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");

        assertRefused(environment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "            ", "demo", "admin", "Admin", "ADMIN", "DeMo", "password", "camunda",
        "changeme", "123456", "parola", "sifre", "12345678901", "Abcdefghijk"})
    void shouldRefuseAnEmptyDefaultOrShortPasswordOutsideTheDemo(String password) {
        MockEnvironment environment = new MockEnvironment().withProperty(PROPERTY, password);
        environment.setActiveProfiles("postgres");

        assertRefused(environment);
    }

    @Test
    void shouldRefuseTheDemoPasswordWhenDemoIsOnlyTheDefaultProfileOfAnotherOne() {
        // The demo profile is the default only while no profile is active: with "postgres" it is not in effect.
        MockEnvironment environment = new MockEnvironment().withProperty(PROPERTY, "demo");
        environment.setDefaultProfiles("demo");
        environment.setActiveProfiles("postgres");

        assertRefused(environment);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Abcdefghijkl", "correct-horse-battery", "test-only-Admin-Password-1", "çok-gizli-parola!"})
    void shouldAcceptALongNonDefaultPassword(String password) {
        MockEnvironment environment = new MockEnvironment().withProperty(PROPERTY, password);
        environment.setActiveProfiles("postgres");

        assertThatCode(() -> AdminPasswordGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void shouldAcceptALongPasswordWithoutAnyProfile() {
        MockEnvironment environment = new MockEnvironment().withProperty(PROPERTY, "a-strong-password-1");

        assertThatCode(() -> AdminPasswordGuard.check(environment)).doesNotThrowAnyException();
    }

    private static void assertRefused(MockEnvironment environment) {
        assertThatThrownBy(() -> AdminPasswordGuard.check(environment))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ADMIN_PASSWORD");
    }
}
