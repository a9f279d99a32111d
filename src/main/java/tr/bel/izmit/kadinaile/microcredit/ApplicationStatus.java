package tr.bel.izmit.kadinaile.microcredit;

/** Where a microcredit application stands, as our records keep it. */
public enum ApplicationStatus {
    SUBMITTED,
    INELIGIBLE,
    DOCUMENTS_MISSING,
    IN_REVIEW,
    WITHDRAWN,
    REJECTED,
    APPROVED,
    DISBURSED,
    REPAID
}
