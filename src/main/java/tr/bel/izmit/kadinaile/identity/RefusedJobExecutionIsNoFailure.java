package tr.bel.izmit.kadinaile.identity;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * A user's refused "execute this job now" ({@code POST /engine-rest/job/{id}/execute}) is not a failure of the job.
 * The engine checks the user's permission inside the job's execution command, so a refusal reaches its failed-job
 * handling like an exception of the job itself: one retry less each time, and after three refused calls an incident
 * that stops, for instance, a violence-line case's SLA timer. Here such a refusal changes nothing on the job (the
 * engine still writes its failure to the historic job log). The job executor runs jobs without a user, so its
 * failures never are authorization refusals and keep the engine's handling.
 */
final class RefusedJobExecutionIsNoFailure implements FailedJobCommandFactory {

    private final FailedJobCommandFactory delegate;

    RefusedJobExecutionIsNoFailure(FailedJobCommandFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
        if (exception instanceof AuthorizationException) {
            return commandContext -> null;
        }
        return delegate.getCommand(jobId, exception);
    }
}
