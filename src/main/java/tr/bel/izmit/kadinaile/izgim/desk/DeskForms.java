package tr.bel.izmit.kadinaile.izgim.desk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;

/**
 * What the desk's forms send, as the services take it, and the services' field errors as the pages show them. The
 * rules stay in the services: a number or a time the browser sent in a shape no rule could read becomes "not given",
 * and the service names that field in its own words. Only a day is different: a day not given means today, so a day
 * that cannot be read is refused here rather than taken for today.
 */
public final class DeskForms {

    // strict: 31.02 is refused, not turned into the last day of February
    private static final DateTimeFormatter TURKISH_DAY = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TURKISH_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm")
        .withResolverStyle(ResolverStyle.STRICT);

    private DeskForms() {
    }

    /** A whole number, or null when blank or not a whole number. */
    public static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A day from a date field ({@code 2026-12-07}, or {@code 07.12.2026} typed where the browser has no date picker);
     * null when blank. Anything else is refused at the field.
     */
    public static LocalDate day(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.contains(".") ? LocalDate.parse(text, TURKISH_DAY) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(field, Texts.get("izgim.desk.validation.day"));
        }
    }

    /** A date and time from a {@code datetime-local} field (or typed as {@code 07.12.2026 14:00}); null otherwise. */
    public static LocalDateTime dateTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return text.contains(".") ? LocalDateTime.parse(text, TURKISH_TIME) : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The errors of one form by the id of the field on the page ({@code form-field}; a page holds several forms whose
     * fields share names), the first message of each field, in the service's order.
     */
    public static Map<String, String> errorsAt(String form, List<FieldError> errors) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byId.putIfAbsent(form + "-" + error.field(), error.message());
        }
        return byId;
    }

    /** A mobile number as stored (ten digits) the way people read it: {@code 0532 111 22 33}. */
    public static String phone(String digits) {
        if (digits == null || !digits.matches("[0-9]{10}")) {
            return digits;
        }
        return "0" + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6, 8) + " " + digits.substring(8);
    }
}
