package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tr.bel.izmit.kadinaile.support.IdentityNumbers;

class IbanTests {

    private static final String KNOWN_TR = "TR330006100519786457841326";

    @Test
    void shouldAcceptAKnownTurkishIban() {
        assertThat(Iban.isValid(KNOWN_TR)).isTrue();
    }

    @Test
    void shouldAcceptTurkishIbansWithComputedCheckDigits() {
        // bank code, reserve digit, account number: 5 + 1 + 16 digits
        for (String bban : new String[] {"0001000000000000000001", "0006400000112340067890", "0011100000000012345678"}) {
            String iban = IdentityNumbers.iban("TR", bban);
            assertThat(iban).hasSize(26);
            assertThat(Iban.isValid(iban)).as(iban).isTrue();
        }
    }

    @Test
    void shouldAcceptSpacesAndLowerCase() {
        assertThat(Iban.isValid("TR33 0006 1005 1978 6457 8413 26")).isTrue();
        assertThat(Iban.isValid("tr330006100519786457841326")).isTrue();
    }

    @Test
    void shouldNormalizeBySkippingSpacesAndUpperCasing() {
        assertThat(Iban.normalize(" tr33 0006 1005 1978\t6457 8413 26 ")).isEqualTo(KNOWN_TR);
        assertThat(Iban.normalize("de89 3704 0044 0532 0130 00")).isEqualTo("DE89370400440532013000");
        assertThat(Iban.normalize(null)).isNull();
    }

    /** Issue 22: loans are paid into Turkish accounts only; these are genuine IBANs of other countries. */
    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300", "de89 3704 0044 0532 0130 00"})
    void shouldRefuseValidIbansOfOtherCountries(String iban) {
        assertThat(Iban.isWellFormed(iban)).isTrue();
        assertThat(Iban.hasValidCheckDigits(iban)).isTrue();
        assertThat(Iban.isTurkish(iban)).isFalse();
        assertThat(Iban.isValid(iban)).isFalse();
    }

    @Test
    void shouldTellATurkishIbanByItsShapeAlone() {
        assertThat(Iban.isTurkish("TR33 0006 1005 1978 6457 8413 26")).isTrue();
        assertThat(Iban.isTurkish("TR340006100519786457841326")).as("wrong check digits, right shape").isTrue();
        assertThat(Iban.isTurkish("TR3300061005197864578413")).as("too short").isFalse();
        assertThat(Iban.isTurkish(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TR340006100519786457841326", "TR330006100519786457841327", "TR330006100519786457841362",
        "GB83WEST12345698765432", "DE89370400440532013001"})
    void shouldRejectWrongCheckDigits(String iban) {
        assertThat(Iban.isWellFormed(iban)).isTrue();
        assertThat(Iban.isValid(iban)).isFalse();
    }

    @Test
    void shouldRejectTurkishIbansOfTheWrongLengthEvenWithMatchingCheckDigits() {
        String tooShort = IdentityNumbers.iban("TR", "000610051978645784132");
        String tooLong = IdentityNumbers.iban("TR", "00061005197864578413260");

        assertThat(Iban.isValid(tooShort)).isFalse();
        assertThat(Iban.isValid(tooLong)).isFalse();
    }

    @Test
    void shouldRejectLettersInATurkishIbanEvenWithMatchingCheckDigits() {
        String withLetter = IdentityNumbers.iban("TR", "0006100519786457841A26");

        assertThat(withLetter).hasSize(26);
        assertThat(Iban.isValid(withLetter)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TR", "TR33", "XX00", "DE8937040044", "330006100519786457841326TR", "TR33-0006-1005-1978-6457-8413-26",
        "TR33000610051978645784132!", "   "})
    void shouldRejectMalformedValues(String value) {
        assertThat(Iban.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectNullAndEmpty(String value) {
        assertThat(Iban.isValid(value)).isFalse();
        assertThat(Iban.isWellFormed(value)).isFalse();
    }
}
