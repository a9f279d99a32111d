package tr.bel.izmit.kadinaile.metrics;

import java.util.Set;

/**
 * Which activities of a process mean "approved" and "rejected", for the dashboard's approval rate. A capability
 * may contribute one bean per process (as {@code MicrocreditOutcomes} does); without one, the dashboard reads the
 * outcome from the ids of the process's end events ({@link OutcomeKind#of(String)}). An activity is an element id
 * of the BPMN model (an end event, or a task that only approved cases reach, such as the disbursement of a loan).
 */
public interface ProcessOutcomes {

    String processKey();

    Set<String> approvedActivities();

    Set<String> rejectedActivities();

    static ProcessOutcomes of(String processKey, Set<String> approvedActivities, Set<String> rejectedActivities) {
        return new Declared(processKey, Set.copyOf(approvedActivities), Set.copyOf(rejectedActivities));
    }

    record Declared(String processKey, Set<String> approvedActivities, Set<String> rejectedActivities)
            implements ProcessOutcomes {
    }
}
