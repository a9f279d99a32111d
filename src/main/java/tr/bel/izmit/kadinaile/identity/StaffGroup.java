package tr.bel.izmit.kadinaile.identity;

import java.util.List;

/**
 * A staff group: its Camunda group id and its Turkish name. Each capability declares its own groups in its
 * {@link IdentityContribution}; the groups the whole directorate shares are declared here.
 */
public record StaffGroup(String id, String displayName) {

    /** İZGİM's officers, who serve the centre's services (microcredit today, the planned counselling too). */
    public static final StaffGroup IZGIM_OFFICERS = new StaffGroup("izgim-officers", "İZGİM Memurları");
    /** The directorate's managers: approvals, the dashboard, Cockpit read-only. */
    public static final StaffGroup MANAGERS = new StaffGroup("managers", "Yöneticiler");
    /** The technical administrators: a system group that works on no task. */
    public static final StaffGroup CAMUNDA_ADMIN = new StaffGroup("camunda-admin", "Sistem Yöneticileri");

    /** The groups of the identity kernel, created whether or not a capability names them. */
    static final List<StaffGroup> SHARED = List.of(IZGIM_OFFICERS, MANAGERS, CAMUNDA_ADMIN);

    public StaffGroup {
        if (id == null || id.isBlank() || displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("A staff group needs an id and a name: " + id + " / " + displayName);
        }
    }

    /** Groups that work on tasks (everyone but the technical administrators). */
    public boolean isWorkflowGroup() {
        return !CAMUNDA_ADMIN.id.equals(id);
    }
}
