package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.util.List;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.Gen;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

class VergiKimlikNoProperties {

    private static final Gen<List<Integer>> NINE_DIGITS = Gen.lists(Gen.ints(0, 9), 9);

    @Test
    void shouldAcceptEveryNumberWithItsCheckDigit() {
        forAll(1000, NINE_DIGITS, first -> assertThat(VergiKimlikNo.isValid(withCheckDigit(first))).isTrue());
    }

    @Test
    void shouldRejectTheNumberWithAnyOtherLastDigit() {
        forAll(1000, NINE_DIGITS, Gen.ints(1, 9), (first, shift) -> {
            char[] digits = withCheckDigit(first).toCharArray();
            digits[9] = (char) ('0' + (digits[9] - '0' + shift) % 10);

            assertThat(VergiKimlikNo.isValid(new String(digits))).isFalse();
        });
    }

    @Test
    void shouldRejectEveryLengthButTen() {
        forAll(1000, Gen.lists(Gen.ints(0, 9), 0, 20), digits -> {
            String number = digits.stream().map(String::valueOf).reduce("", String::concat);
            if (number.length() != 10) {
                assertThat(VergiKimlikNo.isValid(number)).isFalse();
            }
        });
    }

    /** The check digit computed independently of the class under test (with BigInteger powers). */
    private static String withCheckDigit(List<Integer> first) {
        return IdentityNumbers.vergiKimlikNo(first.stream().map(String::valueOf).reduce("", String::concat));
    }
}
