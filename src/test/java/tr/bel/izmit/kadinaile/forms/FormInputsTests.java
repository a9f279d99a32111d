package tr.bel.izmit.kadinaile.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tr.bel.izmit.kadinaile.common.FieldError;

/**
 * The start forms' identifier fields as people type them: normalized before the form's own rules (pattern, length)
 * and the domain validators see them, on the very form files Tasklist and the portal use; and a foreign IBAN refused
 * with its own message naming the field.
 */
class FormInputsTests {

    private static final FormValidator VALIDATOR =
        new FormValidator(Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneId.of("Europe/Istanbul")));

    @ParameterizedTest
    @ValueSource(strings = {"microcredit-application-start", "course-enrollment-start", "producer-onboarding-start"})
    void shouldAcceptSpacedIdentifiersOnTheRealStartFormsOnceNormalized(String formId) throws IOException {
        FormSchema form = formFile(formId);
        Map<String, Object> typed = new HashMap<>(Map.of("tcKimlikNo", "190 000 000 88", "phone", "+90 (532) 123-45-67"));

        Map<String, Object> normalized = FormInputs.normalized(form, typed);

        assertThat(normalized).containsEntry("tcKimlikNo", "19000000088").containsEntry("phone", "5321234567");
        List<FieldError> errors = VALIDATOR.validate(form, normalized);
        assertThat(errors).extracting(FieldError::field).doesNotContain("tcKimlikNo", "phone");
    }

    @Test
    void shouldLeaveOtherFieldsAndUnreadableValuesAsTheyWere() throws IOException {
        FormSchema form = formFile("microcredit-application-start");
        Map<String, Object> typed = Map.of("fullName", "  Ayşe  Yılmaz ", "phone", "0262 318 00 00", "iban", "tr33 0006 1005 1978 6457 8413 26");

        Map<String, Object> changes = FormInputs.changes(form, typed);

        assertThat(changes).containsOnlyKeys("iban").containsEntry("iban", "TR330006100519786457841326");
        assertThat(VALIDATOR.validate(form, FormInputs.normalized(form, typed)))
            .contains(new FieldError("phone", "Cep telefonu geçerli bir cep telefonu numarası değil."));
    }

    @Test
    void shouldRefuseAValidGermanIbanWithAMessageNamingTheFieldAndTurkishAccounts() throws IOException {
        FormSchema form = formFile("microcredit-application-start");

        List<FieldError> errors = VALIDATOR.validate(form, Map.of("iban", "DE89370400440532013000"));

        assertThat(errors).filteredOn(error -> error.field().equals("iban")).singleElement().extracting(FieldError::message)
            .asString().endsWith("geçerli değil: yalnızca Türkiye'deki bir banka hesabının IBAN'ı kabul edilir (TR ile başlayan 26 karakter).");
    }

    private static FormSchema formFile(String formId) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("forms", formId + ".form"))) {
            return FormSchemaParser.parse(in);
        }
    }
}
