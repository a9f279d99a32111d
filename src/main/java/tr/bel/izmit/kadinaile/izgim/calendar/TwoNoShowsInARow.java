package tr.bel.izmit.kadinaile.izgim.calendar;

/** Published when a case's client missed two sessions in a row; the process asks the professional to confirm. */
public record TwoNoShowsInARow(String caseKey) {
}
