package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VergiKimlikNoTests {

    @ParameterizedTest
    // 2701341846 is a company's published tax number; the other two satisfy the same algorithm
    @ValueSource(strings = {"2701341846", "1234567890", "4840847211"})
    void shouldAcceptTaxNumbersWithTheirCheckDigit(String number) {
        assertThat(VergiKimlikNo.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2701341845", "2701341847", "1234567891", "0010050530", "7201341846", "0000000000"})
    void shouldRejectAWrongCheckDigit(String number) {
        assertThat(VergiKimlikNo.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"270134184", "27013418461", "27013418a6", " 2701341846", "2701-34184", "10000000146"})
    void shouldRejectAnythingButTenDigits(String value) {
        assertThat(VergiKimlikNo.isValid(value)).isFalse();
    }
}
