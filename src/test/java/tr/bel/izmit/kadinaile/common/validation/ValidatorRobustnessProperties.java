package tr.bel.izmit.kadinaile.common.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import tr.bel.izmit.kadinaile.forms.FormField;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.forms.FormSchema;
import tr.bel.izmit.kadinaile.forms.FormValidator;

/**
 * Hostile input against every validator (issue 8, part 4): whatever string or value comes in, a validator answers
 * (valid or not, a list of field errors) and never throws; nothing that is not a well-formed number passes.
 */
class ValidatorRobustnessProperties {

    private static final FormRegistry FORMS = new FormRegistry();
    private static final FormValidator VALIDATOR = new FormValidator();

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(400),
            Arbitraries.strings().numeric().ofMaxLength(40),
            Arbitraries.strings().withChars("TR0123456789 -+()٠١٢٣٤٥٦٧٨٩０１２").ofMaxLength(40),
            Arbitraries.just(null));
    }

    @Property(tries = 2000)
    void shouldAnswerAnyStringWithoutThrowing(@ForAll("hostile") String value) {
        assertThatCode(() -> {
            TcKimlikNo.isValid(value);
            Iban.isWellFormed(value);
            Iban.isValid(value);
            Iban.normalize(value);
            MobilePhone.isValid(value);
            MobilePhone.normalize(value);
        }).doesNotThrowAnyException();
    }

    @Property(tries = 2000)
    void shouldAcceptOnlyElevenAsciiDigitsAsATcKimlikNo(@ForAll("hostile") String value) {
        if (TcKimlikNo.isValid(value)) {
            assertThat(value).matches("[1-9][0-9]{10}");
        }
    }

    @Property(tries = 2000)
    void shouldAcceptOnlyTurkishIbansOfTwentySixCharacters(@ForAll("hostile") String value) {
        if (Iban.isValid(value)) {
            assertThat(Iban.normalize(value)).matches("TR[0-9]{24}");
        }
    }

    @Provide
    Arbitrary<Object> anyValue() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(hostile().map(text -> (Object) text),
            Arbitraries.integers().map(number -> (Object) number), Arbitraries.doubles().map(number -> (Object) number),
            Arbitraries.of(true, false).map(flag -> (Object) flag));
        return Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(4).map(list -> (Object) list),
            Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), scalar).ofMaxSize(3).map(map -> (Object) map));
    }

    @Provide
    Arbitrary<Map<String, Object>> submission() {
        List<String> keys = new ArrayList<>();
        for (FormSchema form : FORMS.all()) {
            form.fields().stream().map(FormField::key).forEach(keys::add);
        }
        return Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(keys), Arbitraries.strings().ofMaxLength(20)), anyValue())
            .ofMaxSize(40);
    }

    @Property(tries = 300)
    void shouldValidateAnySubmissionAgainstEveryFormWithoutThrowing(@ForAll("submission") Map<String, Object> values) {
        assertThat(FORMS.all()).isNotEmpty();
        for (FormSchema form : FORMS.all()) {
            assertThatCode(() -> {
                VALIDATOR.validate(form, values);
                VALIDATOR.unknownFields(form, values.keySet());
            }).as(form.id()).doesNotThrowAnyException();
        }
    }
}
