package tr.bel.izmit.kadinaile.violenceline;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * What the violence-line model may do with the case store, and nothing more: the model calls these as
 * {@code violenceCases.…} (the name the engine's bean map gives this object, see
 * {@code ViolenceLineModelBeans}). The store itself, whose {@code read} returns the decrypted personal data, is
 * not reachable from any expression.
 */
@Component("violenceCaseModelActions")
public class ViolenceCaseModelActions {

    private final ViolenceCaseStore store;

    ViolenceCaseModelActions(ViolenceCaseStore store) {
        this.store = store;
    }

    public String referralType(Long referralId) {
        return store.referralType(referralId);
    }

    /** The Turkish name of a referral type ("ŞÖNİM"), for the names of the parallel referral tasks. */
    public String referralLabel(String referralType) {
        return Texts.get("violenceline.report.label." + ReferralType.valueOf(referralType).name());
    }

    public void markReferralMade(Long referralId) {
        store.markReferralMade(referralId);
    }

    public void markSlaBreached(Long referralId) {
        store.markSlaBreached(referralId);
    }

    public void close(Long caseId, String outcome) {
        store.close(caseId, outcome);
    }
}
