package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TcKimlikNoTests {

    @ParameterizedTest
    @ValueSource(strings = {"19000000088", "10000000146", "12345678950"})
    void shouldAcceptNumbersWhoseCheckDigitsMatch(String number) {
        assertThat(TcKimlikNo.isValid(number)).isTrue();
    }

    @Test
    void shouldRejectEverySingleDigitChangeOfAValidNumber() {
        for (String valid : new String[] {"19000000088", "10000000146", "12345678950"}) {
            for (int position = 0; position < valid.length(); position++) {
                for (char digit = '0'; digit <= '9'; digit++) {
                    if (digit == valid.charAt(position)) {
                        continue;
                    }
                    String changed = valid.substring(0, position) + digit + valid.substring(position + 1);
                    assertThat(TcKimlikNo.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }

    @Test
    void shouldRejectALeadingZeroEvenWhenTheCheckDigitsMatch() {
        // 0,1,2,3,4,5,6,7,8: d10 = (20 * 7 - 16) mod 10 = 4, d11 = (36 + 4) mod 10 = 0
        assertThat(TcKimlikNo.isValid("01234567840")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900000008", "190000000880", "1"})
    void shouldRejectAWrongLength(String number) {
        assertThat(TcKimlikNo.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900000008A", "19000000O88", "-1900000008", " 19000000088", "19000000088 ",
        "190 000 000 88", "１9000000088", "   "})
    void shouldRejectAnythingButElevenPlainDigits(String number) {
        assertThat(TcKimlikNo.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectNullAndEmpty(String number) {
        assertThat(TcKimlikNo.isValid(number)).isFalse();
    }
}
