package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TcKimlikNoProperties {

    @Property
    void shouldAcceptEveryNumberWithCorrectCheckDigits(@ForAll @IntRange(min = 1, max = 9) int first,
                                                        @ForAll @Size(8) List<@IntRange(max = 9) Integer> rest) {
        assertThat(TcKimlikNo.isValid(withCheckDigits(first, rest))).isTrue();
    }

    @Property
    void shouldRejectANumberWithOneDigitChanged(@ForAll @IntRange(min = 1, max = 9) int first,
                                               @ForAll @Size(8) List<@IntRange(max = 9) Integer> rest,
                                               @ForAll @IntRange(max = 10) int position,
                                               @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = withCheckDigits(first, rest).toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);

        assertThat(TcKimlikNo.isValid(new String(digits))).isFalse();
    }

    /** Builds the number with its two check digits, computed here independently of the class under test. */
    private static String withCheckDigits(int first, List<Integer> rest) {
        int[] d = new int[11];
        d[0] = first;
        for (int i = 0; i < 8; i++) {
            d[i + 1] = rest.get(i);
        }
        int oddPlaces = d[0] + d[2] + d[4] + d[6] + d[8];
        int evenPlaces = d[1] + d[3] + d[5] + d[7];
        int tenth = (oddPlaces * 7 - evenPlaces) % 10;
        d[9] = tenth < 0 ? tenth + 10 : tenth;
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[i];
        }
        d[10] = sum % 10;
        StringBuilder number = new StringBuilder();
        for (int digit : d) {
            number.append(digit);
        }
        return number.toString();
    }
}
