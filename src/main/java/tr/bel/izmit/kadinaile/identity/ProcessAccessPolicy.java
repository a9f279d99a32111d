package tr.bel.izmit.kadinaile.identity;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may do what with one process, as its capability declares it in its {@link IdentityContribution}.
 * {@link IdentitySetup} turns every policy into Camunda authorizations at start-up. Participants see the tasks of
 * the process and may work on those they are candidates of (see {@link ProcessLevelTaskAuthorizationPlugin}).
 *
 * @param processKey the process definition key
 * @param starters groups that start instances from Tasklist
 * @param participants groups that work on its tasks (they may see the definition and its diagram)
 * @param instanceUpdaters groups whose actions through our staff API move instances on (messages, which the
 *     application sends after its own checks): they may read the instances, not change them through the engine
 * @param observers groups that watch instances and history read-only (Cockpit)
 * @param decisionKeys decisions used by the process, readable by the observers
 * @param confidential whether only the groups named here may see its instances, tasks and history: then
 *     not even the administrators (camunda-admin) are granted them, and no batch may touch them
 *     ({@link ConfidentialDataGuardPlugin})
 * @param caseReference the variable by which staff find a case, shown under its tasks in the Tasklist filters
 */
public record ProcessAccessPolicy(
    String processKey,
    Set<StaffGroup> starters,
    Set<StaffGroup> participants,
    Set<StaffGroup> instanceUpdaters,
    Set<StaffGroup> observers,
    Set<String> decisionKeys,
    boolean confidential,
    CaseReference caseReference) {

    public ProcessAccessPolicy {
        starters = ordered(starters);
        participants = ordered(participants);
        instanceUpdaters = ordered(instanceUpdaters);
        observers = ordered(observers);
        decisionKeys = ordered(decisionKeys);
    }

    /** Every group the policy names (starters, participants, instance updaters, observers), in that order. */
    public Set<StaffGroup> groups() {
        Set<StaffGroup> groups = new LinkedHashSet<>(starters);
        groups.addAll(participants);
        groups.addAll(instanceUpdaters);
        groups.addAll(observers);
        return Collections.unmodifiableSet(groups);
    }

    private static <T> Set<T> ordered(Set<T> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
