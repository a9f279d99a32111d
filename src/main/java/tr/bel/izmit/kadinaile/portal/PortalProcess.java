package tr.bel.izmit.kadinaile.portal;

import java.util.List;
import java.util.Map;

/**
 * A service citizens can apply for through the public portal.
 *
 * @param processKey the process started by an application; null while the service is not yet open online
 * @param formId the Camunda Form shown to the citizen: the process's own start form, the same file Tasklist uses
 * @param trackingPrefix the prefix of its tracking codes (e.g. MK)
 * @param title the service's name
 * @param summary one sentence about the service
 * @param haveAtHand what to have at hand before starting
 * @param milestones BPMN element ids shown on the status page, with their Turkish labels, in order
 * @param nextSteps what happens after the application, shown on the confirmation page
 */
public record PortalProcess(String processKey, String formId, String trackingPrefix, String title, String summary,
        List<String> haveAtHand, Map<String, String> milestones, String nextSteps) {

    public boolean isOpen() {
        return processKey != null;
    }
}
