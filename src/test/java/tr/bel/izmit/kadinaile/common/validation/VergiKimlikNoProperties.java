package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class VergiKimlikNoProperties {

    @Property
    void shouldAcceptEveryNumberWithItsCheckDigit(@ForAll @Size(9) List<@IntRange(max = 9) Integer> first) {
        assertThat(VergiKimlikNo.isValid(withCheckDigit(first))).isTrue();
    }

    @Property
    void shouldRejectTheNumberWithAnyOtherLastDigit(@ForAll @Size(9) List<@IntRange(max = 9) Integer> first,
                                                    @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = withCheckDigit(first).toCharArray();
        digits[9] = (char) ('0' + (digits[9] - '0' + shift) % 10);

        assertThat(VergiKimlikNo.isValid(new String(digits))).isFalse();
    }

    @Property
    void shouldRejectEveryLengthButTen(@ForAll @Size(max = 20) List<@IntRange(max = 9) Integer> digits) {
        String number = digits.stream().map(String::valueOf).reduce("", String::concat);
        if (number.length() != 10) {
            assertThat(VergiKimlikNo.isValid(number)).isFalse();
        }
    }

    /** The check digit computed here independently of the class under test (with BigInteger powers). */
    private static String withCheckDigit(List<Integer> first) {
        int sum = 0;
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            int digit = first.get(i);
            number.append(digit);
            int position = i + 1;
            int t = (digit + 10 - position) % 10;
            int p = java.math.BigInteger.valueOf(t).multiply(java.math.BigInteger.TWO.pow(10 - position))
                .mod(java.math.BigInteger.valueOf(9)).intValueExact();
            sum += (t != 0 && p == 0) ? 9 : p;
        }
        return number.append((10 - sum % 10) % 10).toString();
    }
}
