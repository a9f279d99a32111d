package tr.bel.izmit.kadinaile.izgim.calendar;

/** Published when every session of a case's series is past: attended, cancelled or missed. */
public record SeriesFinished(String caseKey) {
}
