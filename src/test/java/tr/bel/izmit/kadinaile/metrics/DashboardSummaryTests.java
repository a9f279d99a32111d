package tr.bel.izmit.kadinaile.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The previous period of the same length and the words of a change, without the application. */
class DashboardSummaryTests {

    @Test
    void shouldCompareAMonthSoFarWithTheSameDaysOfLastMonthAndALongMonthWithTheWholeOfTheShortOne() {
        assertPrevious(Dashboard.PeriodKind.MONTH, "2026-12-01", "2026-12-07", "2026-11-01", "2026-11-07");
        assertPrevious(Dashboard.PeriodKind.MONTH, "2027-03-01", "2027-03-31", "2027-02-01", "2027-02-28");
        assertPrevious(Dashboard.PeriodKind.MONTH, "2026-01-01", "2026-01-15", "2025-12-01", "2025-12-15");
    }

    @Test
    void shouldCompareAWeekWithLastWeekAYearWithLastYearAndARangeWithTheDaysJustBefore() {
        assertPrevious(Dashboard.PeriodKind.WEEK, "2026-12-07", "2026-12-09", "2026-11-30", "2026-12-02");
        assertPrevious(Dashboard.PeriodKind.YEAR, "2028-01-01", "2028-02-29", "2027-01-01", "2027-02-28");
        assertPrevious(Dashboard.PeriodKind.CUSTOM, "2026-03-01", "2026-03-31", "2026-01-29", "2026-02-28");
        assertPrevious(Dashboard.PeriodKind.CUSTOM, "2026-03-10", "2026-03-10", "2026-03-09", "2026-03-09");
    }

    @Test
    void shouldWriteTheChangeInWordsBesideItsArrow() {
        DashboardSummary.Headline up = DashboardSummary.relative("b", "Başvurular", BigDecimal.valueOf(124),
            DashboardSummary.Unit.COUNT, BigDecimal.valueOf(110));
        assertThat(up.valueText()).isEqualTo("124 adet");
        assertThat(up.change()).isEqualByComparingTo("13");
        assertThat(up.arrow()).isEqualTo("▲");
        assertThat(up.changeText()).isEqualTo("+13 % artış");

        DashboardSummary.Headline rate = DashboardSummary.points("o", "Onay oranı", new BigDecimal("40.0"), new BigDecimal("43.5"));
        assertThat(rate.valueText()).isEqualTo("40 %");
        assertThat(rate.arrow()).isEqualTo("▼");
        assertThat(rate.changeText()).isEqualTo("−3,5 puan azalış");

        DashboardSummary.Headline none = DashboardSummary.points("o", "Onay oranı", null, new BigDecimal("43.5"));
        assertThat(none.valueText()).isEqualTo("—");
        assertThat(none.arrow()).isEmpty();
        assertThat(none.changeText()).isEqualTo("karşılaştırılamaz");

        DashboardSummary.Headline fromZero = DashboardSummary.relative("s", "Sonuçlanan", BigDecimal.valueOf(1234),
            DashboardSummary.Unit.COUNT, BigDecimal.ZERO);
        assertThat(fromZero.valueText()).isEqualTo("1.234 adet");
        assertThat(fromZero.change()).isNull();
        assertThat(fromZero.changeText()).isEqualTo("önceki dönemde 0 adet; artış");

        DashboardSummary.Headline same = DashboardSummary.relative("s", "Süre", new BigDecimal("2.5"), DashboardSummary.Unit.DAYS,
            new BigDecimal("2.5"));
        assertThat(same.valueText()).isEqualTo("2,5 gün");
        assertThat(same.arrow()).isEqualTo("=");
        assertThat(same.changeText()).isEqualTo("değişmedi");
    }

    @Test
    void shouldGiveEveryContributedFigureAUnitByItsName() {
        assertThat(DashboardTables.withUnit("Başvuru", "applications")).isEqualTo("Başvuru (adet)");
        assertThat(DashboardTables.withUnit("Talep edilen tutar (TL)", "amountRequested")).isEqualTo("Talep edilen tutar (TL)");
        assertThat(DashboardTables.withUnit("Ödenen", "amountDisbursed")).isEqualTo("Ödenen (TL)");
        assertThat(DashboardTables.withUnit("Doluluk", "fillRateByCentre")).isEqualTo("Doluluk (%)");
        assertThat(DashboardTables.withUnit("Bekleme", "waitingDays")).isEqualTo("Bekleme (gün)");
        assertThat(DashboardTables.withUnit("Süre", "cycleHours")).isEqualTo("Süre (saat)");
    }

    private static void assertPrevious(Dashboard.PeriodKind kind, String from, String to, String previousFrom, String previousTo) {
        Dashboard.Period previous = DashboardSummary.previous(new Dashboard.Period(kind, LocalDate.parse(from), LocalDate.parse(to)));
        assertThat(previous.from()).as(kind + " " + from).isEqualTo(LocalDate.parse(previousFrom));
        assertThat(previous.to()).as(kind + " " + to).isEqualTo(LocalDate.parse(previousTo));
    }
}
