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
    REPAID;

    /**
     * Whether an application in this state is still open: not yet refused, withdrawn or paid out. A person may have
     * one open application (V24_1); once it is paid out, the open loan is the eligibility rules' concern.
     */
    public boolean isOpen() {
        return this == SUBMITTED || this == DOCUMENTS_MISSING || this == IN_REVIEW || this == APPROVED;
    }
}
