package tr.bel.izmit.kadinaile.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;

/**
 * The top of the dashboard: the headline figures of the period with their change from the previous period of the
 * same length, and the alerts a manager acts on first. Every figure carries its unit; a figure that cannot be
 * computed (a rate when nothing was decided, a duration when nothing finished) is null and shown as "—".
 *
 * @param comparedWith the previous period the changes are computed against
 * @param comparison how the page names it ("geçen aya göre")
 */
public record DashboardSummary(Dashboard.Period comparedWith, String comparison, List<Headline> headlines,
        List<Alert> alerts) {

    /** Text of a figure that cannot be computed. */
    public static final String NONE = "—";

    /** The units of the figures, as the page writes them. */
    public enum Unit {
        COUNT("adet"), DAYS("gün"), HOURS("saat"), PERCENT("%"), MONEY("TL");

        private final String text;

        Unit(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Whether a figure went up, down or stayed, for the arrow and the words beside it (never colour alone). */
    public enum Direction { UP, DOWN, SAME, NONE }

    /**
     * One headline figure. {@code change} is the change from {@code previous}: in percent of it for counts and
     * durations, in percentage points for rates; null when either value is null or the previous count was zero.
     * {@code previous} is null for a figure that stands now (open work), which has no previous period.
     */
    public record Headline(String id, String label, BigDecimal value, Unit unit, BigDecimal previous, BigDecimal change,
            boolean comparable) {

        @JsonProperty
        public String valueText() {
            return value == null ? NONE : number(value) + " " + unit.text();
        }

        @JsonProperty
        public String previousText() {
            return previous == null ? NONE : number(previous) + " " + unit.text();
        }

        @JsonProperty
        public Direction direction() {
            if (!comparable || value == null || previous == null) {
                return Direction.NONE;
            }
            int sign = value.compareTo(previous);
            return sign > 0 ? Direction.UP : sign < 0 ? Direction.DOWN : Direction.SAME;
        }

        @JsonProperty
        public String arrow() {
            return switch (direction()) {
                case UP -> "▲";
                case DOWN -> "▼";
                case SAME -> "=";
                case NONE -> "";
            };
        }

        /** The change in words: "+12 % artış", "−3,5 puan azalış", "değişmedi", "önceki dönemde 0 adet". */
        @JsonProperty
        public String changeText() {
            if (!comparable) {
                return Texts.get("metrics.dashboard.summary.now");
            }
            if (value == null || previous == null) {
                return Texts.get("metrics.dashboard.summary.no-comparison");
            }
            Direction direction = direction();
            if (direction == Direction.SAME) {
                return Texts.get("metrics.dashboard.summary.same");
            }
            String word = Texts.get(direction == Direction.UP ? "metrics.dashboard.summary.up" : "metrics.dashboard.summary.down");
            if (change == null) {
                return Texts.get("metrics.dashboard.summary.from-zero", previousText(), word);
            }
            String amount = (change.signum() > 0 ? "+" : "−") + number(change.abs());
            return amount + " " + (unit == Unit.PERCENT ? Texts.get("metrics.dashboard.summary.points") : "%") + " " + word;
        }
    }

    /**
     * One alert: what needs attention and how many ({@code count} is text, "<5" where a confidential section
     * suppresses small counts), with its unit and the table below that explains it.
     */
    public record Alert(String id, String title, String count, Unit unit, String detail, String link) {

        @JsonProperty
        public String countText() {
            return count + " " + unit.text();
        }
    }

    /**
     * The previous period of the same length: last week's same days for this week; the same days of last month for
     * this month (to its last day at most: a 31-day March is compared with the whole of February); the same days of
     * last year for this year; the same number of days just before a chosen range.
     */
    static Dashboard.Period previous(Dashboard.Period period) {
        long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        return switch (period.kind()) {
            case WEEK -> new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, period.from().minusWeeks(1), period.to().minusWeeks(1));
            case MONTH -> {
                LocalDate from = period.from().minusMonths(1);
                LocalDate to = from.plusDays(days - 1);
                LocalDate lastOfMonth = from.withDayOfMonth(from.lengthOfMonth());
                yield new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, from, to.isAfter(lastOfMonth) ? lastOfMonth : to);
            }
            case YEAR -> new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, period.from().minusYears(1), period.to().minusYears(1));
            case CUSTOM -> new Dashboard.Period(Dashboard.PeriodKind.CUSTOM, period.from().minusDays(days), period.from().minusDays(1));
        };
    }

    /** How the page names the comparison, with the previous period's days. */
    static String comparison(Dashboard.Period period, Dashboard.Period previous) {
        String days = TurkishFormats.DATE.format(previous.from()) + " – " + TurkishFormats.DATE.format(previous.to());
        return switch (period.kind()) {
            case WEEK -> Texts.get("metrics.dashboard.summary.compared.week", days);
            case MONTH -> Texts.get("metrics.dashboard.summary.compared.month", days);
            case YEAR -> Texts.get("metrics.dashboard.summary.compared.year", days);
            case CUSTOM -> Texts.get("metrics.dashboard.summary.compared.custom",
                ChronoUnit.DAYS.between(previous.from(), previous.to()) + 1, days);
        };
    }

    /** A count or a duration compared in percent of the previous value (null from zero: no percentage of nothing). */
    static Headline relative(String id, String label, BigDecimal value, Unit unit, BigDecimal previous) {
        BigDecimal change = null;
        if (value != null && previous != null && previous.signum() != 0) {
            change = value.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 0, RoundingMode.HALF_UP);
        }
        return new Headline(id, label, value, unit, previous, change, true);
    }

    /** A rate compared in percentage points. */
    static Headline points(String id, String label, BigDecimal value, BigDecimal previous) {
        BigDecimal change = value == null || previous == null ? null : value.subtract(previous).setScale(1, RoundingMode.HALF_UP);
        return new Headline(id, label, value, Unit.PERCENT, previous, change, true);
    }

    /** A figure that stands now, without a previous period. */
    static Headline now(String id, String label, BigDecimal value, Unit unit) {
        return new Headline(id, label, value, unit, null, null, false);
    }

    /** 1.234 or 12,5 as Turkish readers write them. */
    static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(TurkishFormats.TURKISH));
        return format.format(value);
    }
}
