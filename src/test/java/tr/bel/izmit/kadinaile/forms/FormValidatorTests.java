package tr.bel.izmit.kadinaile.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

class FormValidatorTests {

    private static final ZoneId ISTANBUL = ZoneId.of("Europe/Istanbul");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final FormValidator VALIDATOR =
        new FormValidator(Clock.fixed(TODAY.atTime(12, 0).atZone(ISTANBUL).toInstant(), ISTANBUL));

    private static final String FULL_NAME = """
        {"type": "textfield", "key": "fullName", "label": "Ad Soyad",
         "validate": {"required": true, "minLength": 3, "maxLength": 10}}""";

    @Nested
    class Parsing {

        @Test
        void shouldFlattenGroupsAndSkipLayoutComponents() {
            FormSchema form = form(
                """
                {"type": "text", "text": "# Başvuru"}""",
                """
                {"type": "group", "label": "Kişisel Bilgiler", "components": [
                  {"type": "textfield", "key": "fullName", "label": "Ad Soyad"},
                  {"type": "spacer"},
                  {"type": "group", "components": [{"type": "number", "key": "age", "label": "Yaş"}]}
                ]}""",
                """
                {"type": "separator"}""",
                """
                {"type": "image", "source": "logo.png"}""",
                """
                {"type": "html", "content": "<b>KVKK</b>"}""",
                """
                {"type": "button", "key": "submit", "label": "Gönder", "action": "submit"}""",
                """
                {"type": "checkbox", "key": "kvkkConsent", "label": "KVKK onayı"}""");

            assertThat(form.id()).isEqualTo("test-form");
            assertThat(form.fields()).extracting(FormField::key).containsExactly("fullName", "age", "kvkkConsent");
            assertThat(form.inputKeys()).containsExactly("fullName", "age", "kvkkConsent");
        }

        @Test
        void shouldReadTheRulesOfAField() throws IOException {
            String json = wrap("""
                {"type": "number", "key": "requestedAmount", "label": "Talep Edilen Tutar", "decimalDigits": 2,
                 "readonly": false, "disabled": false,
                 "validate": {"required": true, "min": 1500, "max": 5000},
                 "conditional": {"hide": "=eligible = false"},
                 "properties": {"note": "TL"}}""");

            FormSchema form = FormRegistry.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

            FormField field = form.field("requestedAmount").orElseThrow();
            assertThat(field.type()).isEqualTo("number");
            assertThat(field.label()).isEqualTo("Talep Edilen Tutar");
            assertThat(field.required()).isTrue();
            assertThat(field.min()).isEqualByComparingTo("1500");
            assertThat(field.max()).isEqualByComparingTo("5000");
            assertThat(field.decimalDigits()).isEqualTo(2);
            assertThat(field.hideConditions()).containsExactly("=eligible = false");
            assertThat(field.property("note")).isEqualTo("TL");
        }

        @Test
        void shouldReadOptionsAndTheDateLabel() {
            FormSchema form = form(
                """
                {"type": "select", "key": "district", "label": "İlçe",
                 "values": [{"label": "İzmit", "value": "IZMIT"}, {"label": "Başiskele", "value": "BASISKELE"}]}""",
                """
                {"type": "select", "key": "neighbourhood", "label": "Mahalle", "valuesKey": "neighbourhoods"}""",
                """
                {"type": "datetime", "key": "memberSince", "subtype": "date", "dateLabel": "Üyelik Tarihi"}""");

            assertThat(form.field("district").orElseThrow().options()).containsExactly("IZMIT", "BASISKELE");
            assertThat(form.field("neighbourhood").orElseThrow().options()).isNull();
            assertThat(form.field("memberSince").orElseThrow().label()).isEqualTo("Üyelik Tarihi");
        }

        @Test
        void shouldRejectBrokenFormsNamingTheForm() {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> form("""
                    {"type": "textfield", "key": "x", "properties": {"validator": "tckimlik"}}"""))
                .withMessageContaining("test-form").withMessageContaining("tckimlik");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> form("""
                    {"type": "textfield", "key": "x", "validate": {"pattern": "[0-9"}}"""))
                .withMessageContaining("test-form");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> form("""
                    {"type": "textfield", "label": "Anahtarsız"}"""));
            assertThatIllegalArgumentException()
                .isThrownBy(() -> form(FULL_NAME, FULL_NAME))
                .withMessageContaining("fullName");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> FormSchema.parse("{\"components\": []}"))
                .withMessageContaining("id");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> FormSchema.parse("{ not json"));
        }
    }

    @Nested
    class Registry {

        @Test
        void shouldFindFormsByIdAndNameTheMissingOne() {
            FormSchema form = form(FULL_NAME);
            FormRegistry registry = FormRegistry.of(form);

            assertThat(registry.find("test-form")).containsSame(form);
            assertThat(registry.get("test-form")).isSameAs(form);
            assertThat(registry.find("yok")).isEmpty();
            assertThatIllegalArgumentException().isThrownBy(() -> registry.get("microcredit-yok"))
                .withMessageContaining("microcredit-yok");
        }

        @Test
        void shouldRefuseTwoFormsWithTheSameId() {
            assertThatThrownBy(() -> FormRegistry.of(form(FULL_NAME), form(FULL_NAME)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-form");
        }
    }

    @Nested
    class Required {

        private final FormSchema form = form(
            FULL_NAME,
            """
            {"type": "checklist", "key": "documents", "label": "Belgeler", "validate": {"required": true},
             "values": [{"label": "Kimlik", "value": "ID"}, {"label": "İkametgâh", "value": "RESIDENCE"}]}""",
            """
            {"type": "checkbox", "key": "kvkkConsent", "label": "KVKK Aydınlatma Metni onayı",
             "validate": {"required": true}}""",
            """
            {"type": "textarea", "key": "note", "label": "Not", "validate": {"maxLength": 5}}""");

        @Test
        void shouldNameTheLabelOfEveryMissingRequiredField() {
            assertThat(VALIDATOR.validate(form, Map.of())).containsExactly(
                new FieldError("fullName", "Ad Soyad zorunludur."),
                new FieldError("documents", "Belgeler zorunludur."),
                new FieldError("kvkkConsent", "KVKK Aydınlatma Metni onayı zorunludur."));
        }

        @Test
        void shouldTreatNullBlankEmptyListAndUncheckedCheckboxAsMissing() {
            Map<String, Object> values = new HashMap<>();
            values.put("fullName", "   ");
            values.put("documents", List.of());
            values.put("kvkkConsent", false);
            values.put("note", null);

            assertThat(VALIDATOR.validate(form, values)).extracting(FieldError::message).containsExactly(
                "Ad Soyad zorunludur.", "Belgeler zorunludur.", "KVKK Aydınlatma Metni onayı zorunludur.");
        }

        @Test
        void shouldAcceptCompleteValuesAndAbsentOptionalFields() {
            Map<String, Object> values = Map.of("fullName", "Ayşe Kaya", "documents", List.of("ID"), "kvkkConsent", true);

            assertThat(VALIDATOR.validate(form, values)).isEmpty();
            assertThatNoException().isThrownBy(() -> VALIDATOR.check(form, values));
        }

        @Test
        void shouldAcceptNullAsAValueMap() {
            assertThat(VALIDATOR.validate(form(FULL_NAME.replace("\"required\": true", "\"required\": false")), null))
                .isEmpty();
        }

        @Test
        void shouldThrowWithAllErrorsOnCheck() {
            assertThatThrownBy(() -> VALIDATOR.check(form, Map.of("fullName", "Ayşe Kaya")))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.getErrors())
                    .extracting(FieldError::field).containsExactly("documents", "kvkkConsent"))
                .hasMessageContaining("Belgeler zorunludur.");
        }
    }

    @Nested
    class Text {

        @Test
        void shouldRequireAString() {
            assertThat(errors(form(FULL_NAME), "fullName", 12345)).containsExactly("Ad Soyad metin olmalıdır.");
        }

        @Test
        void shouldCheckTheLength() {
            FormSchema form = form(FULL_NAME);

            assertThat(errors(form, "fullName", "Al")).containsExactly("Ad Soyad en az 3 karakter olmalıdır.");
            assertThat(errors(form, "fullName", "Ayşe Nur Kaya")).containsExactly("Ad Soyad en fazla 10 karakter olmalıdır.");
            assertThat(errors(form, "fullName", "Ayşe Kaya")).isEmpty();
            assertThat(errors(form, "fullName", "Şükrü Öğüt")).as("Turkish letters count once").isEmpty();
        }

        @Test
        void shouldMatchThePatternAgainstTheWholeValue() {
            FormSchema form = form("""
                {"type": "textfield", "key": "postCode", "label": "Posta Kodu", "validate": {"pattern": "41[0-9]{3}"}}""");

            assertThat(errors(form, "postCode", "41100")).isEmpty();
            assertThat(errors(form, "postCode", "411000")).containsExactly("Posta Kodu biçimi geçersiz.");
            assertThat(errors(form, "postCode", "x41100")).containsExactly("Posta Kodu biçimi geçersiz.");
        }

        @Test
        void shouldCheckEmailAddresses() {
            FormSchema form = form("""
                {"type": "textfield", "key": "email", "label": "E-posta", "validate": {"validationType": "email"}}""");

            assertThat(errors(form, "email", "ayse.kaya@izmit.bel.tr")).isEmpty();
            assertThat(errors(form, "email", "ayse+kadin@example.com")).isEmpty();
            for (String wrong : List.of("ayse", "ayse@", "ayse@example", "@example.com", "ayse kaya@example.com",
                "ayse..kaya@example.com", "ayse@example..com")) {
                assertThat(errors(form, "email", wrong)).as(wrong)
                    .containsExactly("E-posta geçerli bir e-posta adresi olmalıdır.");
            }
        }

        @Test
        void shouldCheckPhoneNumbers() {
            FormSchema form = form("""
                {"type": "textfield", "key": "phone", "label": "Telefon", "validate": {"validationType": "phone"}}""");

            assertThat(errors(form, "phone", "0532 123 45 67")).isEmpty();
            assertThat(errors(form, "phone", "+90 262 318 00 00")).isEmpty();
            assertThat(errors(form, "phone", "0262 318 00 00")).isEmpty();
            assertThat(errors(form, "phone", "telefonum yok")).containsExactly("Telefon geçerli bir telefon numarası olmalıdır.");
            assertThat(errors(form, "phone", "12345")).containsExactly("Telefon geçerli bir telefon numarası olmalıdır.");
        }
    }

    @Nested
    class Numbers {

        private final FormSchema form = form("""
            {"type": "number", "key": "requestedAmount", "label": "Talep Edilen Tutar", "decimalDigits": 2,
             "validate": {"required": true, "min": 1500, "max": 5000}}""");

        @Test
        void shouldAcceptNumbersAndNumericStrings() {
            for (Object value : List.of(1500, 5000L, 2500.5, "2500.50", " 1500 ", new java.math.BigDecimal("4999.99"))) {
                assertThat(errors(form, "requestedAmount", value)).as(String.valueOf(value)).isEmpty();
            }
        }

        @Test
        void shouldRejectWhatIsNotANumber() {
            for (Object value : List.of("bin beş yüz", "1.500,00", "1e4", true, List.of(1500), Double.NaN)) {
                assertThat(errors(form, "requestedAmount", value)).as(String.valueOf(value))
                    .containsExactly("Talep Edilen Tutar bir sayı olmalıdır.");
            }
        }

        @Test
        void shouldFormatTheLimitsTheTurkishWay() {
            assertThat(errors(form, "requestedAmount", 1499.99)).containsExactly("Talep Edilen Tutar en az 1.500 olmalıdır.");
            assertThat(errors(form, "requestedAmount", "5000.01")).containsExactly("Talep Edilen Tutar en fazla 5.000 olmalıdır.");
            assertThat(FieldChecks.formatNumber(new java.math.BigDecimal("1234567.5"))).isEqualTo("1.234.567,5");
            assertThat(FieldChecks.formatNumber(new java.math.BigDecimal("0.25"))).isEqualTo("0,25");
        }

        @Test
        void shouldLimitTheDecimalDigits() {
            assertThat(errors(form, "requestedAmount", "2500.555"))
                .containsExactly("Talep Edilen Tutar en fazla 2 ondalık basamak içerebilir.");
            assertThat(errors(form, "requestedAmount", "2500.500")).isEmpty();

            FormSchema whole = form("""
                {"type": "number", "key": "termMonths", "label": "Vade", "decimalDigits": 0}""");
            assertThat(errors(whole, "termMonths", 6.5)).containsExactly("Vade tam sayı olmalıdır.");
            assertThat(errors(whole, "termMonths", 6.0)).isEmpty();
        }
    }

    @Nested
    class Choices {

        private final FormSchema form = form(
            """
            {"type": "select", "key": "district", "label": "İlçe",
             "values": [{"label": "İzmit", "value": "IZMIT"}, {"label": "Kartepe", "value": "KARTEPE"}]}""",
            """
            {"type": "radio", "key": "termMonths", "label": "Vade",
             "values": [{"label": "6 ay", "value": "6"}, {"label": "10 ay", "value": "10"}, {"label": "12 ay", "value": "12"}]}""",
            """
            {"type": "checklist", "key": "missingDocuments", "label": "Eksik Belgeler",
             "values": [{"label": "Kimlik", "value": "ID"}, {"label": "İş Planı", "value": "BUSINESS_PLAN"}]}""",
            """
            {"type": "checkbox", "key": "izgimMember", "label": "İZGİM üyesiyim"}""",
            """
            {"type": "select", "key": "neighbourhood", "label": "Mahalle", "valuesKey": "neighbourhoods"}""");

        @Test
        void shouldAcceptTheOptionsOfTheForm() {
            Map<String, Object> values = Map.of("district", "KARTEPE", "termMonths", 10,
                "missingDocuments", List.of("ID", "BUSINESS_PLAN"), "izgimMember", true, "neighbourhood", "Yahya Kaptan");

            assertThat(VALIDATOR.validate(form, values)).isEmpty();
        }

        @Test
        void shouldRejectValuesThatAreNotOptions() {
            Map<String, Object> values = Map.of("district", "izmit", "termMonths", 24,
                "missingDocuments", List.of("ID", "PHOTO"), "izgimMember", "evet");

            assertThat(VALIDATOR.validate(form, values)).containsExactly(
                new FieldError("district", "İlçe için geçersiz seçim."),
                new FieldError("termMonths", "Vade için geçersiz seçim."),
                new FieldError("missingDocuments", "Eksik Belgeler için geçersiz seçim."),
                new FieldError("izgimMember", "İZGİM üyesiyim için geçersiz değer."));
        }

        @Test
        void shouldRequireAChecklistToBeAListOfStrings() {
            assertThat(errors(form, "missingDocuments", "ID")).containsExactly("Eksik Belgeler için geçersiz seçim.");
            assertThat(errors(form, "missingDocuments", List.of(1))).containsExactly("Eksik Belgeler için geçersiz seçim.");
            assertThat(errors(form, "district", List.of("IZMIT"))).containsExactly("İlçe için geçersiz seçim.");
        }
    }

    @Nested
    class Dates {

        private final FormSchema form = form(
            """
            {"type": "datetime", "key": "memberSince", "subtype": "date", "dateLabel": "Üyelik Tarihi",
             "properties": {"dateRule": "past"}}""",
            """
            {"type": "datetime", "key": "appointment", "subtype": "date", "dateLabel": "Randevu Tarihi",
             "properties": {"dateRule": "future"}}""",
            """
            {"type": "datetime", "key": "birthDate", "subtype": "date", "dateLabel": "Doğum Tarihi"}""");

        @Test
        void shouldAcceptIsoDatesAndDateObjects() {
            Date noon = Date.from(ZonedDateTime.of(2020, 1, 1, 12, 0, 0, 0, ISTANBUL).toInstant());

            assertThat(errors(form, "birthDate", "1990-02-28")).isEmpty();
            assertThat(errors(form, "birthDate", LocalDate.of(1990, 2, 28))).isEmpty();
            assertThat(errors(form, "birthDate", noon)).isEmpty();
        }

        @Test
        void shouldRejectWhatIsNotADate() {
            for (Object value : List.of("1990-02-30", "28.02.1990", "1990-2-28", "yarın", 19900228)) {
                assertThat(errors(form, "birthDate", value)).as(String.valueOf(value))
                    .containsExactly("Doğum Tarihi geçerli bir tarih olmalıdır.");
            }
        }

        @Test
        void shouldKeepPastDatesOutOfTheFutureAndTheOtherWayRound() {
            assertThat(errors(form, "memberSince", TODAY.toString())).isEmpty();
            assertThat(errors(form, "memberSince", TODAY.plusDays(1).toString()))
                .containsExactly("Üyelik Tarihi ileri bir tarih olamaz.");
            assertThat(errors(form, "appointment", TODAY.toString())).isEmpty();
            assertThat(errors(form, "appointment", TODAY.minusDays(1).toString()))
                .containsExactly("Randevu Tarihi geçmiş bir tarih olamaz.");
        }
    }

    @Nested
    class DomainValidators {

        private final FormSchema form = form(
            """
            {"type": "textfield", "key": "tcKimlikNo", "label": "T.C. Kimlik No",
             "validate": {"required": true, "minLength": 11, "maxLength": 11, "pattern": "[0-9]+"},
             "properties": {"validator": "tcKimlikNo"}}""",
            """
            {"type": "textfield", "key": "iban", "label": "IBAN", "properties": {"validator": "iban"}}""",
            """
            {"type": "textfield", "key": "phone", "label": "Cep Telefonu", "properties": {"validator": "mobilePhone"}}""");

        @Test
        void shouldAcceptValidValues() {
            Map<String, Object> values = Map.of("tcKimlikNo", "19000000088", "iban", "TR33 0006 1005 1978 6457 8413 26",
                "phone", "0532 123 45 67");

            assertThat(VALIDATOR.validate(form, values)).isEmpty();
        }

        @Test
        void shouldNameTheLabelWhenADomainCheckFails() {
            Map<String, Object> values = Map.of("tcKimlikNo", "19000000089", "iban", "TR330006100519786457841327",
                "phone", "0262 318 00 00");

            assertThat(VALIDATOR.validate(form, values)).containsExactly(
                new FieldError("tcKimlikNo", "T.C. Kimlik No geçerli değil."),
                new FieldError("iban", "IBAN geçerli değil: kontrol basamakları tutmuyor."),
                new FieldError("phone", "Cep Telefonu geçerli bir cep telefonu numarası değil."));
        }

        @Test
        void shouldExplainAnIbanOfTheWrongShape() {
            assertThat(errors(form, "iban", "TR33 0006")).singleElement().asString()
                .startsWith("IBAN geçerli değil: IBAN biçiminde");
        }

        @Test
        void shouldReportOnlyTheFirstFailingRule() {
            assertThat(errors(form, "tcKimlikNo", null)).containsExactly("T.C. Kimlik No zorunludur.");
            assertThat(errors(form, "tcKimlikNo", 19000000089L)).containsExactly("T.C. Kimlik No metin olmalıdır.");
            assertThat(errors(form, "tcKimlikNo", "123")).containsExactly("T.C. Kimlik No en az 11 karakter olmalıdır.");
            assertThat(errors(form, "tcKimlikNo", "1900000008A")).containsExactly("T.C. Kimlik No biçimi geçersiz.");
            assertThat(errors(form, "tcKimlikNo", "19000000089")).containsExactly("T.C. Kimlik No geçerli değil.");
        }
    }

    @Nested
    class Visibility {

        private final FormSchema form = form(
            """
            {"type": "checkbox", "key": "izgimMember", "label": "İZGİM üyesiyim"}""",
            """
            {"type": "datetime", "key": "memberSince", "subtype": "date", "dateLabel": "Üyelik Tarihi",
             "validate": {"required": true}, "conditional": {"hide": "=izgimMember != true"}}""",
            """
            {"type": "textfield", "key": "trackingCode", "label": "Takip Kodu", "readonly": true,
             "validate": {"required": true}}""",
            """
            {"type": "textfield", "key": "applicationId", "label": "Başvuru No", "disabled": true,
             "validate": {"required": true, "pattern": "[0-9]+"}}""");

        @Test
        void shouldNotRequireAFieldHiddenByItsCondition() {
            assertThat(VALIDATOR.validate(form, Map.of("izgimMember", false))).isEmpty();
            assertThat(VALIDATOR.validate(form, Map.of())).as("a missing variable counts as null").isEmpty();
        }

        @Test
        void shouldRequireTheSameFieldWhenItIsVisible() {
            assertThat(VALIDATOR.validate(form, Map.of("izgimMember", true)))
                .containsExactly(new FieldError("memberSince", "Üyelik Tarihi zorunludur."));
        }

        @Test
        void shouldIgnoreTheValueOfAHiddenField() {
            assertThat(VALIDATOR.validate(form, Map.of("izgimMember", false, "memberSince", "dün"))).isEmpty();
        }

        @Test
        void shouldSkipReadonlyAndDisabledFields() {
            assertThat(VALIDATOR.validate(form, Map.of("applicationId", "ABC"))).isEmpty();
        }

        @Test
        void shouldSkipFieldsReadonlyByACondition() {
            FormSchema conditional = form("""
                {"type": "number", "key": "approvedAmount", "label": "Onaylanan Tutar", "readonly": "=locked",
                 "validate": {"required": true}}""");

            assertThat(VALIDATOR.validate(conditional, Map.of("locked", true))).isEmpty();
            assertThat(VALIDATOR.validate(conditional, Map.of("locked", false))).extracting(FieldError::message)
                .containsExactly("Onaylanan Tutar zorunludur.");
        }

        @Test
        void shouldHideEveryFieldOfAHiddenGroup() {
            FormSchema grouped = form("""
                {"type": "group", "label": "Red", "conditional": {"hide": "=committeeDecision != \\"REJECT\\""},
                 "components": [{"type": "textarea", "key": "committeeRejectionReason", "label": "Ret Gerekçesi",
                                 "validate": {"required": true}}]}""");

            assertThat(VALIDATOR.validate(grouped, Map.of("committeeDecision", "APPROVE"))).isEmpty();
            assertThat(VALIDATOR.validate(grouped, Map.of("committeeDecision", "REJECT"))).extracting(FieldError::message)
                .containsExactly("Ret Gerekçesi zorunludur.");
        }

        @Test
        void shouldTreatAFieldAsVisibleWhenItsConditionCannotBeEvaluated() {
            FormSchema broken = form(
                """
                {"type": "textfield", "key": "a", "label": "A", "validate": {"required": true},
                 "conditional": {"hide": "=foo("}}""",
                """
                {"type": "textfield", "key": "b", "label": "B", "validate": {"required": true},
                 "conditional": {"hide": "=unknownVariable > 5"}}""");

            assertThat(VALIDATOR.validate(broken, Map.of())).extracting(FieldError::message)
                .containsExactly("A zorunludur.", "B zorunludur.");
        }
    }

    @Nested
    class Order {

        @Test
        void shouldReturnTheErrorsInTheOrderOfTheForm() {
            FormSchema form = form(
                """
                {"type": "textfield", "key": "zeta", "label": "Zeta", "validate": {"required": true}}""",
                """
                {"type": "textfield", "key": "alpha", "label": "Alfa", "validate": {"required": true}}""",
                """
                {"type": "textfield", "key": "mu", "label": "Mu", "validate": {"required": true}}""");
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("mu", "");
            values.put("alpha", " ");
            values.put("zeta", null);

            assertThat(VALIDATOR.validate(form, values)).extracting(FieldError::field).containsExactly("zeta", "alpha", "mu");
        }
    }

    @Nested
    class DynamicLists {

        private final FormSchema form = form("""
            {"type": "dynamiclist", "path": "children", "label": "Çocuklar", "components": [
              {"type": "textfield", "key": "name", "label": "Çocuğun Adı", "validate": {"required": true}},
              {"type": "number", "key": "age", "label": "Yaşı", "validate": {"min": 0, "max": 18}}
            ]}""");

        @Test
        void shouldCheckEveryItemNamingItsIndex() {
            List<Map<String, Object>> children = List.of(Map.of("name", "Elif", "age", 7), Map.of("age", 19));

            assertThat(VALIDATOR.validate(form, Map.of("children", children))).containsExactly(
                new FieldError("children[1].name", "Çocuğun Adı zorunludur."),
                new FieldError("children[1].age", "Yaşı en fazla 18 olmalıdır."));
        }

        @Test
        void shouldKnowTheListButNotItsItemKeysAtTheTopLevel() {
            assertThat(form.inputKeys()).containsExactly("children");
            assertThat(form.fields()).extracting(FormField::key).containsExactly("children", "name", "age");
            assertThat(VALIDATOR.validate(form, Map.of("children", "Elif"))).extracting(FieldError::message)
                .containsExactly("Çocuklar geçersiz.");
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void shouldNameEverySubmittedKeyTheFormDoesNotHave() {
            FormSchema form = form(FULL_NAME,
                """
                {"type": "text", "text": "Bilgilendirme"}""",
                """
                {"type": "checkbox", "key": "kvkkConsent", "label": "KVKK onayı"}""");

            assertThat(VALIDATOR.unknownFields(form, Set.of("fullName", "kvkkConsent", "status", "approvedAmount")))
                .containsExactly(
                    new FieldError("approvedAmount", "Bu alan formda yok."),
                    new FieldError("status", "Bu alan formda yok."));
            assertThat(VALIDATOR.unknownFields(form, Set.of("fullName"))).isEmpty();
        }
    }

    private static List<String> errors(FormSchema form, String key, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(key, value);
        return VALIDATOR.validate(form, values).stream()
            .filter(error -> error.field().equals(key))
            .map(FieldError::message)
            .toList();
    }

    private static FormSchema form(String... components) {
        return FormSchema.parse(wrap(components));
    }

    private static String wrap(String... components) {
        return "{\"id\": \"test-form\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": ["
            + String.join(",", components) + "]}";
    }
}
