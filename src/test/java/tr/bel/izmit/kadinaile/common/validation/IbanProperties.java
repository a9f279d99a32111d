package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class IbanProperties {

    @Property
    void shouldAcceptEveryTurkishIbanWithComputedCheckDigits(@ForAll @Size(22) List<@IntRange(max = 9) Integer> bban) {
        assertThat(Iban.isValid(turkishIban(bban))).isTrue();
    }

    @Property
    void shouldRejectTheIbanWhenTwoDifferentAdjacentDigitsAreSwapped(
        @ForAll @Size(22) List<@IntRange(max = 9) Integer> bban,
        @ForAll @IntRange(min = 2, max = 24) int position) {
        char[] iban = turkishIban(bban).toCharArray();
        Assume.that(iban[position] != iban[position + 1]);
        char swapped = iban[position];
        iban[position] = iban[position + 1];
        iban[position + 1] = swapped;

        assertThat(Iban.isValid(new String(iban))).isFalse();
    }

    @Property
    void shouldRejectTheIbanWhenOneDigitIsChanged(@ForAll @Size(22) List<@IntRange(max = 9) Integer> bban,
                                                 @ForAll @IntRange(min = 2, max = 25) int position,
                                                 @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] iban = turkishIban(bban).toCharArray();
        iban[position] = (char) ('0' + (iban[position] - '0' + shift) % 10);

        assertThat(Iban.isValid(new String(iban))).isFalse();
    }

    private static String turkishIban(List<Integer> bban) {
        String digits = bban.stream().map(String::valueOf).collect(Collectors.joining());
        return IbanTests.withCheckDigits("TR", digits);
    }
}
