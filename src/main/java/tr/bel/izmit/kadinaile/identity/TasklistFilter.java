package tr.bel.izmit.kadinaile.identity;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A shared Tasklist filter that a capability wants besides the ones every workflow group gets ("Grubumun işleri —",
 * "Süresi geçenler —", and each user's "Bana atananlar"). {@link IdentitySetup} creates it, sorts it like the others
 * (due date, then priority) and shares it (READ) with its readers only.
 *
 * @param name its Turkish name in Tasklist (unique)
 * @param description its Turkish description
 * @param priority its place in Tasklist's list (lowest first); see {@link #BETWEEN_QUEUE_AND_OVERDUE}
 * @param alert whether Tasklist marks it in the alert colour (red)
 * @param criteria narrows a fresh task query to the filter's tasks (the engine's public {@link TaskQuery}; no
 *     expressions: stored queries may hold none)
 * @param readers the groups that may read it
 * @param caseReferences the variables shown under each of its tasks
 */
public record TasklistFilter(
    String name,
    String description,
    int priority,
    boolean alert,
    UnaryOperator<TaskQuery> criteria,
    Set<StaffGroup> readers,
    List<CaseReference> caseReferences) {

    /** Right after a group's own queue (which opens first) and before the overdue filters. */
    public static final int BETWEEN_QUEUE_AND_OVERDUE = -30;

    public TasklistFilter {
        readers = Set.copyOf(readers);
        caseReferences = List.copyOf(caseReferences);
    }
}
