package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifiers as people type them, turned into the one written form that is validated and stored. */
class IdentifierTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "190 000 000 88        | 19000000088",
        "' 1900 0000 088 '     | 19000000088",
        "19000000088           | 19000000088"})
    void shouldWriteATcKimlikNoWithoutItsSpaces(String typed, String written) {
        assertThat(Identifier.TC_KIMLIK_NO.normalize(typed)).isEqualTo(written);
        assertThat(Identifier.TC_KIMLIK_NO.isValid(typed)).isTrue();
        assertThat(TcKimlikNo.normalize(typed)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+90 (532) 123-45-67 | 5321234567",
        "0532 123 45 67      | 5321234567",
        "0 532 1234567       | 5321234567",
        "(0532) 123 45 67    | 5321234567"})
    void shouldWriteAMobileNumberInItsTenDigitForm(String typed, String written) {
        assertThat(Identifier.MOBILE_PHONE.normalize(typed)).isEqualTo(written);
        assertThat(Identifier.MOBILE_PHONE.isValid(typed)).isTrue();
    }

    @Test
    void shouldWriteAnIbanWithoutSpacesInCapitals() {
        assertThat(Identifier.IBAN.normalize("tr33 0006 1005 1978 6457 8413 26")).isEqualTo("TR330006100519786457841326");
        assertThat(Identifier.IBAN.isValid("tr33 0006 1005 1978 6457 8413 26")).isTrue();
        assertThat(Identifier.IBAN.isValid("DE89 3704 0044 0532 0130 00")).isFalse();
    }

    @Test
    void shouldKeepWhatCannotBeReadAsTypedForTheValidatorToName() {
        assertThat(Identifier.MOBILE_PHONE.normalize(" 0262 318 00 00 ")).isEqualTo("0262 318 00 00");
        assertThat(Identifier.MOBILE_PHONE.isValid("0262 318 00 00")).isFalse();
        assertThat(Identifier.TC_KIMLIK_NO.normalize("190 000 000 89")).isEqualTo("19000000089");
        assertThat(Identifier.TC_KIMLIK_NO.isValid("190 000 000 89")).isFalse();
        assertThat(Identifier.TC_KIMLIK_NO.normalize(null)).isNull();
        assertThat(Identifier.TC_KIMLIK_NO.isValid(null)).isFalse();
    }
}
