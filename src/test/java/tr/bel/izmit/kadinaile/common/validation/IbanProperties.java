package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.assume;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.Gen;
import tr.bel.izmit.kadinaile.support.IdentityNumbers;

class IbanProperties {

    private static final Gen<List<Integer>> BBAN = Gen.lists(Gen.ints(0, 9), 22);

    @Test
    void shouldAcceptEveryTurkishIbanWithComputedCheckDigits() {
        forAll(1000, BBAN, bban -> assertThat(Iban.isValid(turkishIban(bban))).isTrue());
    }

    @Test
    void shouldRejectTheIbanWhenTwoDifferentAdjacentDigitsAreSwapped() {
        forAll(1000, BBAN, Gen.ints(2, 24), (bban, position) -> {
            char[] iban = turkishIban(bban).toCharArray();
            assume(iban[position] != iban[position + 1]);
            char swapped = iban[position];
            iban[position] = iban[position + 1];
            iban[position + 1] = swapped;

            assertThat(Iban.isValid(new String(iban))).isFalse();
        });
    }

    @Test
    void shouldRejectTheIbanWhenOneDigitIsChanged() {
        forAll(1000, BBAN, Gen.ints(2, 25), Gen.ints(1, 9), (bban, position, shift) -> {
            char[] iban = turkishIban(bban).toCharArray();
            iban[position] = (char) ('0' + (iban[position] - '0' + shift) % 10);

            assertThat(Iban.isValid(new String(iban))).isFalse();
        });
    }

    @Test
    void shouldRefuseEveryIbanOfAnotherCountryEvenWithComputedCheckDigits() {
        // the check digits are right (IdentityNumbers computes them): only the country makes it unacceptable
        Gen<String> country = Gen.of(List.of("DE", "NL", "FR", "GB", "AT", "BE", "CY", "AZ"));
        forAll(1000, country, BBAN, (code, bban) -> {
            String iban = IdentityNumbers.iban(code, bban.stream().map(String::valueOf).collect(Collectors.joining()));

            assertThat(Iban.hasValidCheckDigits(iban)).as(iban).isTrue();
            assertThat(Iban.isValid(iban)).as(iban).isFalse();
        });
    }

    @Test
    void shouldAcceptEveryTurkishIbanHoweverItIsSpacedAndCased() {
        forAll(1000, BBAN, Gen.ints(1, 6), (bban, group) -> {
            String iban = turkishIban(bban);
            String spaced = iban.toLowerCase(java.util.Locale.ROOT).replaceAll("(.{" + group + "})", "$1 ");

            assertThat(Identifier.IBAN.normalize(spaced)).isEqualTo(iban);
            assertThat(Iban.isValid(spaced)).isTrue();
        });
    }

    private static String turkishIban(List<Integer> bban) {
        return IdentityNumbers.iban("TR", bban.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
