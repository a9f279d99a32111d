package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.forms.FormSchema;
import tr.bel.izmit.kadinaile.forms.FormValidator;
import tr.bel.izmit.kadinaile.support.Gen;

/**
 * Hostile input against every validator (issue 8, part 4): whatever string or value comes in, a validator answers
 * (valid or not, a list of field errors) and never throws; nothing that is not a well-formed number passes.
 */
class ValidatorRobustnessProperties {

    private static final FormRegistry FORMS = new FormRegistry();
    private static final FormValidator VALIDATOR = new FormValidator();

    /** Any UTF-16 text (lone surrogates and control characters too), digits, digits among IBAN-like characters, null. */
    static Gen<String> hostile() {
        return Gen.oneOf(Gen.strings(Gen.anyChar(), 0, 400),
            Gen.strings(Gen.digitChars(), 0, 40),
            Gen.strings(Gen.charsOf("TR0123456789 -+()٠١٢٣٤٥٦٧٨٩０１２"), 0, 40),
            Gen.just(null));
    }

    @Test
    void shouldAnswerAnyStringWithoutThrowing() {
        forAll(2000, hostile(), value -> assertThatCode(() -> {
            TcKimlikNo.isValid(value);
            Iban.isWellFormed(value);
            Iban.isValid(value);
            Iban.normalize(value);
            MobilePhone.isValid(value);
            MobilePhone.normalize(value);
        }).doesNotThrowAnyException());
    }

    @Test
    void shouldAcceptOnlyElevenAsciiDigitsAsATcKimlikNo() {
        forAll(2000, hostile(), value -> {
            if (TcKimlikNo.isValid(value)) {
                assertThat(value).matches("[1-9][0-9]{10}");
            }
        });
    }

    @Test
    void shouldAcceptOnlyTurkishIbansOfTwentySixCharacters() {
        forAll(2000, hostile(), value -> {
            if (Iban.isValid(value)) {
                assertThat(Iban.normalize(value)).matches("TR[0-9]{24}");
            }
        });
    }

    static Gen<Object> anyValue() {
        Gen<Object> scalar = Gen.oneOf(hostile(), Gen.integers(), Gen.doubles(), Gen.of(true, false));
        return Gen.oneOf(scalar, Gen.lists(scalar, 0, 4), Gen.maps(Gen.strings(ALPHA, 0, 8), scalar, 3));
    }

    private static final Gen<Character> ALPHA = Gen.oneOf(Gen.charRange('a', 'z'), Gen.charRange('A', 'Z'));

    static Gen<Map<String, Object>> submission() {
        List<String> keys = new ArrayList<>();
        for (FormSchema form : FORMS.all()) {
            form.fields().stream().map(FormField::key).forEach(keys::add);
        }
        return Gen.maps(Gen.oneOf(Gen.of(keys), Gen.strings(Gen.anyChar(), 0, 20)), anyValue(), 40);
    }

    @Test
    void shouldValidateAnySubmissionAgainstEveryFormWithoutThrowing() {
        forAll(300, submission(), values -> {
            assertThat(FORMS.all()).isNotEmpty();
            for (FormSchema form : FORMS.all()) {
                assertThatCode(() -> {
                    VALIDATOR.validate(form, values);
                    VALIDATOR.unknownFields(form, values.keySet());
                }).as(form.id()).doesNotThrowAnyException();
            }
        });
    }
}
