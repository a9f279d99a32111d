package tr.bel.izmit.kadinaile.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.validation.Iban;
import tr.bel.izmit.kadinaile.common.validation.MobilePhone;
import tr.bel.izmit.kadinaile.common.validation.TcKimlikNo;
import tr.bel.izmit.kadinaile.common.validation.VergiKimlikNo;

/**
 * The checks of one present (non-empty) value against its field, by component type. Each returns the
 * Turkish message of the first rule that fails, or {@code null} when the value passes.
 */
final class FieldChecks {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");

    /** The compiled {@code validate.pattern}s of all forms. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Pattern NUMERIC = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern EMAIL = Pattern.compile(
        "(?!\\.)(?!.*\\.\\.)[A-Za-z0-9._%+-]+(?<!\\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final int EMAIL_MAX_LENGTH = 254;
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()./]");
    /** International (+ or 00 and a country code) or Turkish national (landline, mobile, 0850) numbers. */
    private static final Pattern PHONE = Pattern.compile("(?:\\+|00)[1-9][0-9]{6,14}|0?[2-58][0-9]{9}");

    private FieldChecks() {
    }

    /** Type and range checks (required-ness and domain validators are checked elsewhere). */
    static String check(FormField field, Object value, LocalDate today) {
        return switch (field.type()) {
            case "textfield", "textarea" -> text(field, value);
            case "number" -> number(field, value);
            case "select", "radio" -> singleChoice(field, value);
            case "checklist", "taglist" -> multipleChoice(field, value);
            case "checkbox" -> value instanceof Boolean ? null : Texts.get("forms.field.invalid-value", field.label());
            case "datetime" -> dateTime(field, value, today);
            default -> null;
        };
    }

    private static String text(FormField field, Object value) {
        if (!(value instanceof String text)) {
            return Texts.get("forms.field.text", field.label());
        }
        int length = text.codePointCount(0, text.length());
        if (field.minLength() != null && length < field.minLength()) {
            return Texts.get("forms.field.min-length", field.label(), String.valueOf(field.minLength()));
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            return Texts.get("forms.field.max-length", field.label(), String.valueOf(field.maxLength()));
        }
        if (field.pattern() != null && !PATTERNS.computeIfAbsent(field.pattern(), Pattern::compile).matcher(text).matches()) {
            return Texts.get("forms.field.pattern", field.label());
        }
        if ("email".equals(field.validationType()) && !isEmail(text.strip())) {
            return Texts.get("forms.field.email", field.label());
        }
        if ("phone".equals(field.validationType()) && !isPhone(text)) {
            return Texts.get("forms.field.phone", field.label());
        }
        return null;
    }

    private static String number(FormField field, Object value) {
        BigDecimal number = toDecimal(value);
        if (number == null) {
            return Texts.get("forms.field.number", field.label());
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            return Texts.get("forms.field.min", field.label(), formatNumber(field.min()));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            return Texts.get("forms.field.max", field.label(), formatNumber(field.max()));
        }
        Integer digits = field.decimalDigits();
        if (digits != null && Math.max(0, number.stripTrailingZeros().scale()) > digits) {
            return digits == 0
                ? Texts.get("forms.field.integer", field.label())
                : Texts.get("forms.field.decimal-digits", field.label(), String.valueOf(digits));
        }
        return null;
    }

    private static String singleChoice(FormField field, Object value) {
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return invalidChoice(field);
        }
        if (field.options() != null && !field.options().contains(String.valueOf(value))) {
            return invalidChoice(field);
        }
        return null;
    }

    private static String multipleChoice(FormField field, Object value) {
        if (!(value instanceof Collection<?> choices)) {
            return invalidChoice(field);
        }
        for (Object choice : choices) {
            if (!(choice instanceof String)) {
                return invalidChoice(field);
            }
        }
        if (field.options() != null && !field.options().containsAll(choices)) {
            return invalidChoice(field);
        }
        return null;
    }

    private static String invalidChoice(FormField field) {
        return Texts.get("forms.field.choice", field.label());
    }

    private static String dateTime(FormField field, Object value, LocalDate today) {
        if ("time".equals(field.subtype())) {
            return isTime(value) ? null : Texts.get("forms.field.time", field.label());
        }
        LocalDate date = "datetime".equals(field.subtype()) ? dateOfDateTime(value) : toDate(value);
        if (date == null) {
            return "datetime".equals(field.subtype())
                ? Texts.get("forms.field.date-time", field.label())
                : Texts.get("forms.field.date", field.label());
        }
        if (FormField.DATE_RULE_PAST.equals(field.dateRule()) && date.isAfter(today)) {
            return Texts.get("forms.field.date.not-future", field.label());
        }
        if (FormField.DATE_RULE_FUTURE.equals(field.dateRule()) && date.isBefore(today)) {
            return Texts.get("forms.field.date.not-past", field.label());
        }
        return null;
    }

    /** The check named by the custom property {@code validator}. */
    static String domain(FormField field, Object value) {
        String validator = field.validator();
        if (validator == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return switch (validator) {
            case FormField.VALIDATOR_TC_KIMLIK_NO ->
                TcKimlikNo.isValid(text) ? null : Texts.get("forms.field.tc-kimlik-no", field.label());
            case FormField.VALIDATOR_IBAN -> iban(field, text);
            case FormField.VALIDATOR_MOBILE_PHONE ->
                MobilePhone.isValid(text) ? null : Texts.get("forms.field.mobile-phone", field.label());
            case FormField.VALIDATOR_VERGI_KIMLIK_NO ->
                VergiKimlikNo.isValid(text) ? null : Texts.get("forms.field.vergi-kimlik-no", field.label());
            default -> throw new IllegalStateException("unknown validator " + validator);
        };
    }

    private static String iban(FormField field, String text) {
        if (!Iban.isWellFormed(text)) {
            return Texts.get("forms.field.iban.format", field.label());
        }
        if (!Iban.isTurkish(text)) {
            // loans are paid into Turkish accounts only: a foreign IBAN, however valid, is refused
            return Texts.get("forms.field.iban.not-turkish", field.label());
        }
        return Iban.isValid(text) ? null : Texts.get("forms.field.iban.checksum", field.label());
    }

    /** A number in Turkish notation: 1.500 / 1.500,5 / 0,25. */
    static String formatNumber(BigDecimal number) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.##########", symbols);
        return format.format(number);
    }

    static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
        }
        if (value instanceof Number other) {
            return parseDecimal(other.toString());
        }
        if (value instanceof String text) {
            return parseDecimal(text.strip());
        }
        return null;
    }

    private static BigDecimal parseDecimal(String text) {
        return NUMERIC.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    static boolean isEmail(String text) {
        return text.length() <= EMAIL_MAX_LENGTH && EMAIL.matcher(text).matches();
    }

    static boolean isPhone(String text) {
        return PHONE.matcher(PHONE_SEPARATORS.matcher(text).replaceAll("")).matches();
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(ZONE).toLocalDate();
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDate dateOfDateTime(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalDate();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.atZoneSameInstant(ZONE).toLocalDate();
        }
        if (value instanceof java.util.Date && !(value instanceof java.sql.Date)) {
            return toDate(value);
        }
        if (value instanceof String text) {
            // form-js writes "2025-03-01T10:30", "2025-03-01T10:30Z" or "2025-03-01T10:30+03:00"
            try {
                return LocalDateTime.parse(text.strip()).toLocalDate();
            } catch (DateTimeParseException withoutOffsetFailed) {
                try {
                    return OffsetDateTime.parse(text.strip()).atZoneSameInstant(ZONE).toLocalDate();
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isTime(Object value) {
        if (value instanceof LocalTime) {
            return true;
        }
        if (value instanceof String text) {
            // "10:30", or with an offset "10:30Z" / "10:30+03:00"
            try {
                LocalTime.parse(text.strip());
                return true;
            } catch (DateTimeParseException withoutOffsetFailed) {
                try {
                    OffsetTime.parse(text.strip());
                    return true;
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
