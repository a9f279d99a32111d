package tr.bel.izmit.kadinaile.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Two staff members acting on the same task at the same time: the engine lets exactly one win and the other
 * gets an {@link OptimisticLockingException}, a {@link TaskAlreadyClaimedException} or "Cannot find task" (it
 * was completed a moment ago), which the engine REST API answers with 500, or, when the task's authorizations
 * went with the task between the loser's read and its permission check, with 403. Here they become
 * {@code 409 Conflict} with a Turkish and English message (Tasklist shows it as is). The mappers of
 * {@link EngineRestErrors} ask {@link Conflicts} on both doors of the engine REST API.
 */
public final class EngineRestConflicts {

    public static final String MESSAGE = Texts.get("engine-rest.error.conflict");

    private EngineRestConflicts() {
    }

    /** Tells a lost race from other failures. */
    static final class Conflicts {

        private final ObjectProvider<ProcessEngine> engine;

        Conflicts(ObjectProvider<ProcessEngine> engine) {
            this.engine = engine;
        }

        /**
         * A lost race: searched through the causes; a missing permission counts only when it is on tasks that
         * no longer exist (looked up without authorization checks, so a task the caller may not see stays 403).
         */
        boolean isConflict(Throwable failure) {
            if (EngineRestConflicts.isConflict(failure)) {
                return true;
            }
            // the request acted on a task that is gone now: someone completed it while this request ran (the
            // loser may also fail inside the engine, having read the task before and its execution after the
            // winner's commit); nothing of the failed request was written
            String requestedTask = taskOfRequest();
            if (requestedTask != null && tasksGone(List.of(requestedTask))) {
                return true;
            }
            if (!(failure instanceof AuthorizationException denied) || denied.getMissingAuthorizations().isEmpty()) {
                return false;
            }
            List<String> taskIds = new ArrayList<>();
            for (MissingAuthorization missing : denied.getMissingAuthorizations()) {
                if (Resources.TASK.resourceName().equals(missing.getResourceType()) && missing.getResourceId() != null) {
                    taskIds.add(missing.getResourceId());
                }
            }
            return !taskIds.isEmpty() && tasksGone(taskIds);
        }

        private boolean tasksGone(List<String> taskIds) {
            ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
            return configuration.getCommandExecutorTxRequired().execute(context ->
                taskIds.stream().allMatch(id -> context.getTaskManager().findTaskById(id) == null));
        }

        /** The task a failed engine REST request acted on ({@code .../task/{id}/complete} ...), if any. */
        private static String taskOfRequest() {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return null;
            }
            Matcher task = TASK_ACTION.matcher(attributes.getRequest().getRequestURI());
            return task.matches() ? task.group(1) : null;
        }
    }

    /** A task action on either door: {@code /engine-rest/task/{id}/...} and {@code /camunda/api/engine/engine/default/task/{id}/...}. */
    private static final Pattern TASK_ACTION =
        Pattern.compile(".*/task/([^/]+)/(complete|submit-form|claim|unclaim|resolve)");

    /** Whether the failure is the loss of a race with another user, searched through the causes. */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
                return true;
            }
            if (cause instanceof NullValueException && cause.getMessage() != null
                    && cause.getMessage().startsWith("Cannot find task with id")) {
                return true;
            }
        }
        return false;
    }

    static Response conflict() {
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "Conflict", "message", MESSAGE)).build();
    }
}
