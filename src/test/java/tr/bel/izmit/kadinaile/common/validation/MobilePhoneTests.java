package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MobilePhoneTests {

    @ParameterizedTest
    @ValueSource(strings = {"05321234567", "5321234567", "+90 532 123 45 67", "0532 123 45 67", "+905321234567",
        "905321234567", "0090 532 123 45 67", "(0532) 123-45-67", "0532-123-45-67", "+90 (532) 123 45 67",
        " 0532 123 4567 "})
    void shouldNormalizeTheWaysPeopleWriteAMobileNumber(String input) {
        assertThat(MobilePhone.normalize(input)).isEqualTo("5321234567");
        assertThat(MobilePhone.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"05051234567", "5551234567", "+90 559 999 99 99"})
    void shouldAcceptOtherOperators(String input) {
        assertThat(MobilePhone.isValid(input)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "02623180000",        // İzmit landline
        "0262 318 00 00",
        "4321234567",         // does not start with 5
        "532123456",          // nine digits
        "53212345678",        // eleven digits without a leading 0
        "005321234567",       // two leading zeros
        "+1 532 123 45 67",   // another country
        "+44 7911 123456",
        "0532 123 45 6a",
        "5321234567x",
        "+90",
        "   "})
    void shouldRejectWhatIsNotATurkishMobileNumber(String input) {
        assertThat(MobilePhone.normalize(input)).isNull();
        assertThat(MobilePhone.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectNullAndEmpty(String input) {
        assertThat(MobilePhone.normalize(input)).isNull();
        assertThat(MobilePhone.isValid(input)).isFalse();
    }
}
