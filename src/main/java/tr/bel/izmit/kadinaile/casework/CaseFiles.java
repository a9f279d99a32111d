package tr.bel.izmit.kadinaile.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's protected case data, as a capability shows it to its own staff: which fields each of its groups may
 * see next to a task of its process, how to read them for one process instance, and how to find the open cases of a
 * person. Implemented by each capability for its process (a Spring bean); the case view and the person search check
 * the caller first (her task, her groups) and audit every read and every search.
 */
public interface CaseFiles {

    /** The key of the process whose cases these are. */
    String processKey();

    /** The service's name as caseworkers read it (Turkish). */
    String service();

    /**
     * A confidential service (the violence line): a stated reason before every view, and its cases are searchable
     * only by its own staff.
     */
    default boolean confidential() {
        return false;
    }

    /** The groups whose members may find this service's open cases in the person search. */
    Set<String> searchGroups();

    /** The groups some of whose members' tasks show case data (every group {@link #fieldsFor} grants a field to). */
    Set<String> viewGroups();

    /** The fields the members of these groups may see, in display order; empty when none of them may see any. */
    List<CaseField> fieldsFor(Set<String> groupIds);

    /**
     * The case of a process instance with the values of the given fields only (a field without a value is left out).
     * Empty when the instance has no case record. A confidential service also writes its own access record here.
     */
    Optional<CaseRecord> read(String processInstanceId, List<CaseField> fields, String userId, String remoteAddress);

    /** The open cases of the person the key names (at most {@code limit}); never logs the key. */
    List<CaseMatch> search(PersonKey key, int limit);

    /** One field of a case: a stable key and its label (Turkish). */
    record CaseField(String key, String label) {
    }

    /** A case as the view shows it: its reference (tracking code or case code) and the values by field key. */
    record CaseRecord(String reference, Map<String, String> values) {

        /** Never prints the values. */
        @Override
        public String toString() {
            return "CaseRecord[reference=" + reference + ", values redacted]";
        }
    }

    /** An open case found by a person search. */
    record CaseMatch(String processInstanceId, String reference) {
    }
}
