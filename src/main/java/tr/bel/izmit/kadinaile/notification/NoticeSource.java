package tr.bel.izmit.kadinaile.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A process's notices to its applicant, implemented once by each capability that notifies citizens: the
 * {@link NotifierDelegate} hands it the "… bildir" service tasks of its process. The source reads what it needs from
 * the execution (the application's id, a reason), fills the template's placeholders and calls
 * {@link ApplicantNotices}.
 */
public interface NoticeSource {

    /** The process whose notifier tasks this source answers. */
    String processKey();

    /**
     * Queues the notice named by the task.
     *
     * @param template the task's input parameter {@value NotifierDelegate#TEMPLATE}
     */
    void send(DelegateExecution execution, String template);
}
