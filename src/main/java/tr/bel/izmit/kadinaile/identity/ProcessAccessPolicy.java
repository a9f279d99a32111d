package tr.bel.izmit.kadinaile.identity;

import java.util.Set;

/**
 * Who may do what with one process, as each capability declares it. {@link IdentitySetup} turns every
 * policy into Camunda authorizations at start-up. Participants see the tasks of the process and may work on those
 * they are candidates of (see {@link ProcessLevelTaskAuthorizationPlugin}).
 *
 * @param processKey the process definition key
 * @param starters groups that start instances from Tasklist
 * @param participants groups that work on its tasks (they may see the definition and its diagram)
 * @param instanceUpdaters groups whose actions through our staff API move instances on (messages, which the
 *     application sends after its own checks): they may read the instances, not change them through the engine
 * @param observers groups that watch instances and history read-only (Cockpit)
 * @param decisionKeys decisions used by the process, readable by the observers
 * @param confidential whether only the groups named here may see its instances, tasks and history: then
 *     not even the administrators (camunda-admin) are granted them
 */
public record ProcessAccessPolicy(
    String processKey,
    Set<StaffGroup> starters,
    Set<StaffGroup> participants,
    Set<StaffGroup> instanceUpdaters,
    Set<StaffGroup> observers,
    Set<String> decisionKeys,
    boolean confidential) {
}
