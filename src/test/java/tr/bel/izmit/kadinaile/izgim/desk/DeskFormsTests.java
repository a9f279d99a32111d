package tr.bel.izmit.kadinaile.izgim.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/** What the desk's forms send, read as the services take it: a day that cannot be read is never taken for today. */
class DeskFormsTests {

    @Test
    void shouldReadADayOfTheDatePickerOrTypedInTurkishAndRefuseAnyOtherAtItsField() {
        assertThat(DeskForms.day("2026-12-07", "day")).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(DeskForms.day(" 07.12.2026 ", "day")).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(DeskForms.day("", "day")).isNull();
        assertThat(DeskForms.day(null, "day")).isNull();
        for (String wrong : List.of("31.02.2026", "2026-02-30", "dün", "7/12/2026")) {
            assertThatThrownBy(() -> DeskForms.day(wrong, "day")).as(wrong).isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).getErrors())
                    .containsExactly(new FieldError("day", "Gün GG.AA.YYYY biçiminde bir tarih olmalıdır.")));
        }
    }

    @Test
    void shouldReadNumbersAndTimesOrLeaveThemToTheServicesRule() {
        assertThat(DeskForms.integer(" 12 ")).isEqualTo(12);
        assertThat(DeskForms.integer("on iki")).isNull();
        assertThat(DeskForms.integer("")).isNull();
        assertThat(DeskForms.dateTime("2026-12-10T14:00")).isEqualTo(LocalDateTime.of(2026, 12, 10, 14, 0));
        assertThat(DeskForms.dateTime("10.12.2026 14:00")).isEqualTo(LocalDateTime.of(2026, 12, 10, 14, 0));
        assertThat(DeskForms.dateTime("31.11.2026 14:00")).isNull();
        assertThat(DeskForms.dateTime("yarın")).isNull();
    }

    @Test
    void shouldPlaceEachFieldsFirstMessageUnderItsFormAndShowAPhoneAsPeopleReadIt() {
        assertThat(DeskForms.errorsAt("kayit", List.of(new FieldError("firstName", "a"), new FieldError("phone", "b"),
            new FieldError("firstName", "c")))).containsExactly(java.util.Map.entry("kayit-firstName", "a"),
                java.util.Map.entry("kayit-phone", "b"));
        assertThat(DeskForms.phone("5321112233")).isEqualTo("0532 111 22 33");
        assertThat(DeskForms.phone(null)).isNull();
    }
}
