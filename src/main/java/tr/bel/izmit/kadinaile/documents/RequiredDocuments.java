package tr.bel.izmit.kadinaile.documents;

import java.util.List;
import java.util.Optional;

/**
 * The documents one process needs from the applicant, declared once by its capability (one bean per process, in the
 * capability's own package), so that the documents module names no capability. The portal shows them on the
 * service's start page, the confirmation and the status page; the upload page accepts exactly these; the officer's
 * checklist has one line per document.
 */
public interface RequiredDocuments {

    /** The process the documents belong to. */
    String processKey();

    /** The prefix of the process's tracking codes (e.g. MK), by which a code finds its service. */
    String trackingPrefix();

    /** The documents, in the order the applicant reads them. */
    List<RequiredDocument> documents();

    /** Where the applicant brings the documents she does not upload (an address, opening hours). */
    String where();

    /** By when (e.g. "başvurudan sonra 10 gün içinde"). */
    String deadline();

    /** Whether the applicant may upload them on the portal (otherwise she only brings them). */
    default boolean uploadable() {
        return true;
    }

    /** The officer's checklist on a task form, if the process has one. */
    default Optional<Checklist> checklist() {
        return Optional.empty();
    }

    /**
     * The officer's document checklist on a task form: per document a field {@link RequiredDocument#checkField()}
     * ({@value #OK} or {@value #MISSING}) and, for a missing one, {@link RequiredDocument#reasonField()}; the form's
     * overall outcome field must agree with it (a missing document means {@code incompleteValue}).
     *
     * @param decisionField the form field of the outcome (e.g. {@code documentsDecision})
     * @param completeValue its value for "all documents there"
     * @param incompleteValue its value for "documents missing"
     */
    record Checklist(String decisionField, String completeValue, String incompleteValue) {

        public static final String OK = "OK";
        public static final String MISSING = "MISSING";
    }
}
