package tr.bel.izmit.kadinaile.portal;

import java.util.List;

/**
 * What has been decided on an application, as its status page tells the applicant: read by the capability from its own
 * tables (never from engine variables), without personal data and without the staff's free text.
 *
 * @param outcome how the page presents it
 * @param headline one line, e.g. "Onaylandı — 3.500 TL, 10 × 350 TL, ilk taksit 07.01.2027"
 * @param details further lines (which course, centre and first day; what to do next)
 */
public record Decision(Outcome outcome, String headline, List<String> details) {

    public Decision {
        details = List.copyOf(details);
    }

    /** How a decision reads: good news, a place in line, a polite no, or her own withdrawal. */
    public enum Outcome {
        APPROVED,
        WAITING,
        NOT_APPROVED,
        WITHDRAWN;

        /** The CSS modifier of the page's decision box. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
