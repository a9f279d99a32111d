package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.util.List;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.Gen;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

class TcKimlikNoProperties {

    private static final Gen<Integer> FIRST = Gen.ints(1, 9);
    private static final Gen<List<Integer>> REST = Gen.lists(Gen.ints(0, 9), 8);

    @Test
    void shouldAcceptEveryNumberWithCorrectCheckDigits() {
        forAll(1000, FIRST, REST, (first, rest) -> assertThat(TcKimlikNo.isValid(withCheckDigits(first, rest))).isTrue());
    }

    @Test
    void shouldRejectANumberWithOneDigitChanged() {
        forAll(1000, FIRST, REST, Gen.ints(0, 10), Gen.ints(1, 9), (first, rest, position, shift) -> {
            char[] digits = withCheckDigits(first, rest).toCharArray();
            digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);

            assertThat(TcKimlikNo.isValid(new String(digits))).isFalse();
        });
    }

    /** The number with its two check digits, computed independently of the class under test. */
    private static String withCheckDigits(int first, List<Integer> rest) {
        return IdentityNumbers.tcKimlikNo(first + rest.stream().map(String::valueOf).reduce("", String::concat));
    }
}
