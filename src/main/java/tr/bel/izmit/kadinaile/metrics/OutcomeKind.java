package tr.bel.izmit.kadinaile.metrics;

import java.util.Locale;

/**
 * What an end event means for the managers, read from its id by the naming convention of our models
 * ({@code EndEvent_ApplicationRejected}, {@code EndEvent_LoanRepaid} ...): the fallback when a process
 * contributes no {@link ProcessOutcomes}.
 */
public enum OutcomeKind {
    APPROVED, REJECTED, WITHDRAWN, OTHER;

    static OutcomeKind of(String endEventId) {
        if (endEventId == null) {
            return OTHER;
        }
        String id = endEventId.toLowerCase(Locale.ROOT);
        if (id.contains("withdrawn") || id.contains("cancelled")) {
            return WITHDRAWN;
        }
        if (id.contains("rejected") || id.contains("declined") || id.contains("refused") || id.contains("failed")) {
            return REJECTED;
        }
        if (id.contains("approved") || id.contains("repaid") || id.contains("disbursed") || id.contains("enrolled")
                || id.contains("certified") || id.contains("certificateissued") || id.contains("opened") || id.contains("granted")
                || id.contains("accepted") || id.contains("verified") || id.contains("standheld")) {
            return APPROVED;
        }
        return OTHER;
    }
}
