package tr.bel.izmit.kadinaile.identity;

/**
 * The process variable by which staff find a case of a process (a tracking code, a case code), shown with its
 * Turkish label under every task in the Tasklist filters.
 *
 * @param variableName the process variable
 * @param label its Turkish label in Tasklist
 */
public record CaseReference(String variableName, String label) {

    /** The portal's tracking code, by which most applications are found. */
    public static final CaseReference TRACKING_CODE = new CaseReference("trackingCode", "Takip kodu");
}
