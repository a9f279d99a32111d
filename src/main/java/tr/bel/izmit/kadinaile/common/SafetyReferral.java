package tr.bel.izmit.kadinaile.common;

/**
 * A warm referral to the directorate's emergency help line: a member of staff of another service hands a woman who
 * shows signs of violence to the line, with her consent, and the line opens an intake for its operators. Published as
 * a Spring application event by the referring capability; the line listens. It carries nothing of the referring
 * service's record (no name, no contact, no case key): the operator calls the referring colleague back and records the
 * woman's own account in the line's intake.
 *
 * @param referralId an opaque id of this referral (a UUID), so that a retried publication opens one intake only
 * @param referringService the referring service's Turkish name, as the operator reads it ("İZGİM danışmanlık")
 * @param referringUserId the staff member to call back
 * @param urgent whether she judged the risk urgent (the emergency guidance was given at once)
 */
public record SafetyReferral(String referralId, String referringService, String referringUserId, boolean urgent) {
}
