package tr.bel.izmit.kadinaile.identity;

import java.util.List;

/**
 * What a capability tells the identity module, so that the identity module names no capability: its staff groups,
 * who may do what with each of its processes, the Tasklist filters it wants besides the per-group ones, and its
 * demo users. One Spring bean per capability (a class {@code <Capability>IdentityContribution} in its own package);
 * {@link StaffDirectory} merges them, and {@link IdentitySetup} turns them into Camunda groups, authorizations and
 * filters at start-up.
 *
 * <p>The beans' {@link org.springframework.core.annotation.Order @Order} sets the order of the groups, and so of
 * their Tasklist filters: groups in the order of their first mention, contribution after contribution.
 */
public interface IdentityContribution {

    /**
     * The workflow groups the capability's processes involve, its own and shared ones ({@link StaffGroup#MANAGERS},
     * {@link StaffGroup#IZGIM_OFFICERS}), in the order their Tasklist filters are listed. A group declared by two
     * capabilities must carry the same name in both.
     */
    List<StaffGroup> groups();

    /** One access policy per process of the capability; every group they name must be declared somewhere. */
    List<ProcessAccessPolicy> processes();

    /** Shared Tasklist filters besides each group's own ones (e.g. the violence line's urgent cases). */
    default List<TasklistFilter> tasklistFilters() {
        return List.of();
    }

    /** Demo staff who show the capability's work (demo profile only). */
    default List<DemoUser> demoUsers() {
        return List.of();
    }
}
