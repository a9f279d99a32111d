package tr.bel.izmit.kadinaile.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every staff group, process access policy, extra Tasklist filter and demo user of the directorate, merged from the
 * capabilities' {@link IdentityContribution}s and the kernel's shared groups ({@link StaffGroup#SHARED}).
 *
 * <p>Groups keep the order of their first mention, contribution after contribution (in the beans' order), then the
 * shared groups no capability mentioned; the administrators' system group comes last. A group's position sets the
 * priority of its Tasklist filters. Contradictions fail at start-up: a group id with two names, a process with two
 * policies, a policy or filter naming a group nobody declared.
 */
@Component
public class StaffDirectory {

    private final List<StaffGroup> groups;
    private final Map<String, StaffGroup> byId;
    private final List<ProcessAccessPolicy> policies;
    private final List<TasklistFilter> tasklistFilters;
    private final List<DemoUser> demoUsers;

    public StaffDirectory(List<IdentityContribution> contributions) {
        Map<String, StaffGroup> declared = new LinkedHashMap<>();
        contributions.forEach(contribution -> contribution.groups().forEach(group -> declare(declared, group)));
        StaffGroup.SHARED.stream().filter(StaffGroup::isWorkflowGroup).forEach(group -> declare(declared, group));
        declare(declared, StaffGroup.CAMUNDA_ADMIN);
        this.byId = Map.copyOf(declared);
        this.groups = List.copyOf(declared.values());

        Map<String, ProcessAccessPolicy> byKey = new LinkedHashMap<>();
        List<TasklistFilter> filters = new ArrayList<>();
        List<DemoUser> users = new ArrayList<>();
        for (IdentityContribution contribution : contributions) {
            for (ProcessAccessPolicy policy : contribution.processes()) {
                if (byKey.putIfAbsent(policy.processKey(), policy) != null) {
                    throw new IllegalStateException("Two access policies for process " + policy.processKey());
                }
                policy.groups().forEach(group -> requireDeclared(group, "process " + policy.processKey()));
            }
            for (TasklistFilter filter : contribution.tasklistFilters()) {
                filter.readers().forEach(group -> requireDeclared(group, "Tasklist filter " + filter.name()));
                filters.add(filter);
            }
            for (DemoUser user : contribution.demoUsers()) {
                user.groups().forEach(group -> requireDeclared(group, "demo user " + user.id()));
                users.add(user);
            }
        }
        this.policies = List.copyOf(byKey.values());
        this.tasklistFilters = List.copyOf(filters);
        this.demoUsers = List.copyOf(users);
    }

    private static void declare(Map<String, StaffGroup> declared, StaffGroup group) {
        StaffGroup earlier = declared.putIfAbsent(group.id(), group);
        if (earlier != null && !earlier.equals(group)) {
            throw new IllegalStateException("Group " + group.id() + " declared as '" + earlier.displayName() + "' and as '"
                + group.displayName() + "'");
        }
    }

    private void requireDeclared(StaffGroup group, String user) {
        if (!group.equals(byId.get(group.id()))) {
            throw new IllegalStateException(user + " names group " + group + ", which no contribution declares as such");
        }
    }

    /** Every group, the administrators' last. */
    public List<StaffGroup> groups() {
        return groups;
    }

    /** The groups that work on tasks (all but the administrators), in their Tasklist order. */
    public List<StaffGroup> workflowGroups() {
        return groups.stream().filter(StaffGroup::isWorkflowGroup).toList();
    }

    public Optional<StaffGroup> group(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The group's Turkish name; its id for a group declared nowhere. */
    public String displayName(String groupId) {
        return group(groupId).map(StaffGroup::displayName).orElse(groupId);
    }

    /** The group's place in {@link #groups()} (0 first): its Tasklist filters' order. */
    public int position(StaffGroup group) {
        int position = groups.indexOf(group);
        if (position < 0) {
            throw new IllegalArgumentException("Unknown group " + group);
        }
        return position;
    }

    /** One policy per process, in the contributions' order. */
    public List<ProcessAccessPolicy> policies() {
        return policies;
    }

    public List<TasklistFilter> tasklistFilters() {
        return tasklistFilters;
    }

    public List<DemoUser> demoUsers() {
        return demoUsers;
    }
}
