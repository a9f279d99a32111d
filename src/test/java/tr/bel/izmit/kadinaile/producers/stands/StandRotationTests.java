package tr.bel.izmit.kadinaile.producers.stands;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandRotationTests {

    private static final Instant NINE = Instant.parse("2026-06-01T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 20);

    @Test
    void shouldPutProducersWithFewerStandDaysThisMonthFirst() {
        StandRotation.Candidate early = candidate(1, null, 3, NINE);
        StandRotation.Candidate later = candidate(2, null, 0, NINE.plusSeconds(3600));
        StandRotation.Candidate latest = candidate(3, null, 1, NINE.plusSeconds(7200));

        assertThat(StandRotation.order(List.of(early, later, latest), DAY, false)).containsExactly(later, latest, early);
    }

    @Test
    void shouldPutEarlierRequestsFirstBetweenEqualStandDays() {
        StandRotation.Candidate second = candidate(5, null, 2, NINE.plusSeconds(60));
        StandRotation.Candidate first = candidate(6, null, 2, NINE);
        StandRotation.Candidate third = candidate(4, null, 2, NINE.plusSeconds(120));

        assertThat(StandRotation.order(List.of(second, first, third), DAY, false)).containsExactly(first, second, third);
    }

    @Test
    void shouldLetTheVillagesTakeWeeklyTurnsAtKaraabdulbaki() {
        // 2024-01-01 is the first week of the rotation: Karaabdülbaki first; a week later Hasancıklar, then Ortaburun ...
        assertThat(StandRotation.villageOfTheWeek(LocalDate.of(2024, 1, 3))).isEqualTo("Karaabdülbaki");
        assertThat(StandRotation.villageOfTheWeek(LocalDate.of(2024, 1, 8))).isEqualTo("Hasancıklar");
        assertThat(StandRotation.villageOfTheWeek(LocalDate.of(2024, 1, 14))).isEqualTo("Hasancıklar");
        assertThat(StandRotation.villageOfTheWeek(LocalDate.of(2024, 2, 12))).isEqualTo("Kurtdereli");
        assertThat(StandRotation.villageOfTheWeek(LocalDate.of(2024, 2, 19))).isEqualTo("Karaabdülbaki");
    }

    @Test
    void shouldOrderByTheVillageWhoseTurnItIsBeforeStandDaysAtKaraabdulbaki() {
        LocalDate sultaniyeWeek = LocalDate.of(2024, 1, 29);
        assertThat(StandRotation.villageOfTheWeek(sultaniyeWeek)).isEqualTo("Sultaniye");
        StandRotation.Candidate hasanciklar = candidate(1, "Hasancıklar", 0, NINE);
        StandRotation.Candidate sultaniye = candidate(2, "Sultaniye", 4, NINE.plusSeconds(600));
        StandRotation.Candidate suleymaniye = candidate(3, "Süleymaniye", 1, NINE.plusSeconds(300));
        StandRotation.Candidate sultaniyeFewer = candidate(4, "Sultaniye", 1, NINE.plusSeconds(900));

        // Sultaniye's turn, then Süleymaniye, Kurtdereli, Karaabdülbaki, Hasancıklar ...; within a village fewer days first
        assertThat(StandRotation.order(List.of(hasanciklar, sultaniye, suleymaniye, sultaniyeFewer), sultaniyeWeek, true))
            .containsExactly(sultaniyeFewer, sultaniye, suleymaniye, hasanciklar);
        // elsewhere the villages play no part
        assertThat(StandRotation.order(List.of(hasanciklar, sultaniye, suleymaniye, sultaniyeFewer), sultaniyeWeek, false))
            .containsExactly(hasanciklar, suleymaniye, sultaniyeFewer, sultaniye);
    }

    @ParameterizedTest
    @CsvSource({"Hasancıklar, Hasancıklar", "HASANCIKLAR KÖYÜ, Hasancıklar", "sultaniye köyü, Sultaniye",
        "Karaabdülbaki Mahallesi, Karaabdülbaki", "  Kurtdereli  , Kurtdereli", "süleymaniye, Süleymaniye"})
    void shouldRecogniseTheVillagesAsProducersWriteThem(String neighbourhood, String village) {
        assertThat(StandRotation.village(neighbourhood)).contains(village);
    }

    @ParameterizedTest
    @CsvSource({"Kozluk", "Maşukiye", "Hasan"})
    void shouldNotTakeOtherNeighbourhoodsForVillages(String neighbourhood) {
        assertThat(StandRotation.village(neighbourhood)).isEmpty();
    }

    private static StandRotation.Candidate candidate(long id, String village, long days, Instant requestedAt) {
        return new StandRotation.Candidate(id, 100 + id, village, days, requestedAt);
    }
}
