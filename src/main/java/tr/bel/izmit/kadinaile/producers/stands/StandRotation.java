package tr.bel.izmit.kadinaile.producers.stands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who gets a place first when there are more requests than places. Producers with fewer stand-days in the
 * month of the stand come first, then earlier requests. At the Karaabdülbaki producer market the seven villages
 * take turns: each week another village's producers come first, then the next village's, and so on, and within
 * a village the rule above applies.
 */
public final class StandRotation {

    /** The villages that share the Karaabdülbaki market, in the order of their turns. */
    public static final List<String> KARAABDULBAKI_VILLAGES = List.of("Karaabdülbaki", "Hasancıklar", "Ortaburun",
        "Sapakpınar", "Sultaniye", "Süleymaniye", "Kurtdereli");

    /** The Monday of the week in which Karaabdülbaki itself had the first turn. */
    static final LocalDate ROTATION_START = LocalDate.of(2024, 1, 1);

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private StandRotation() {
    }

    /**
     * A waiting request as the rotation sees it.
     *
     * @param village the producer's village at the Karaabdülbaki market, else null
     */
    public record Candidate(long requestId, long producerId, String village, long standDaysThisMonth, Instant requestedAt) {
    }

    /** The candidates in the order in which they get places. */
    public static List<Candidate> order(List<Candidate> candidates, LocalDate standDate, boolean villageMarket) {
        Comparator<Candidate> fair = Comparator.comparingLong(Candidate::standDaysThisMonth)
            .thenComparing(Candidate::requestedAt)
            .thenComparingLong(Candidate::requestId);
        Comparator<Candidate> order = villageMarket
            ? Comparator.<Candidate>comparingInt(c -> turnPosition(c.village(), standDate)).thenComparing(fair)
            : fair;
        return candidates.stream().sorted(order).toList();
    }

    /** The village whose producers come first on that day. */
    public static String villageOfTheWeek(LocalDate day) {
        return KARAABDULBAKI_VILLAGES.get(turn(day));
    }

    /** 0 for the village whose turn it is, 1 for the next one ..., 6 for the one that just had its turn. */
    static int turnPosition(String village, LocalDate day) {
        int index = village == null ? -1 : KARAABDULBAKI_VILLAGES.indexOf(village);
        return index < 0 ? KARAABDULBAKI_VILLAGES.size() : Math.floorMod(index - turn(day), KARAABDULBAKI_VILLAGES.size());
    }

    private static int turn(LocalDate day) {
        return (int) Math.floorMod(ChronoUnit.WEEKS.between(ROTATION_START, day), (long) KARAABDULBAKI_VILLAGES.size());
    }

    /** The village named by a neighbourhood as producers write it ("Hasancıklar köyü", "SULTANİYE"), if it is one of the seven. */
    public static Optional<String> village(String neighbourhood) {
        if (neighbourhood == null) {
            return Optional.empty();
        }
        String name = neighbourhood.strip().toLowerCase(TURKISH)
            .replaceAll("\\s+(köyü|köy|mahallesi|mah\\.?|mh\\.?)$", "").strip();
        return KARAABDULBAKI_VILLAGES.stream().filter(v -> v.toLowerCase(TURKISH).equals(name)).findFirst();
    }
}
