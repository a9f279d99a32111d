package tr.bel.izmit.kadinaile.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * Models come only from the repository: no user, administrators included, creates or redeploys a deployment,
 * deletes one or deletes a process definition, through the engine REST API, the web apps or the Java API on her
 * behalf. {@link ModelDeployment} deploys {@code bpmn/} and {@code forms/} at start-up without an authenticated
 * user, which stays possible. Installed next to the engine's own checkers by {@link ModelSafetyPlugin}.
 *
 * <p>A {@link CommandChecker} has about a hundred checks; this one answers four and lets every other pass (a
 * {@link Proxy}, so a check added to the interface by an engine upgrade passes here and is left to the engine's
 * checkers).
 */
final class RepositoryModelsCommandChecker implements InvocationHandler {

    /** The refused checks, with the message a caller gets (403). */
    static final Map<String, String> REFUSED = Map.of(
        "checkCreateDeployment", Texts.get("engine.refused.create-deployment"),
        "checkDeleteDeployment", Texts.get("engine.refused.delete-deployment"),
        "checkDeleteProcessDefinitionById", Texts.get("engine.refused.delete-process-definition"),
        "checkDeleteProcessDefinitionByKey", Texts.get("engine.refused.delete-process-definition"));

    private RepositoryModelsCommandChecker() {
    }

    static CommandChecker create() {
        return (CommandChecker) Proxy.newProxyInstance(CommandChecker.class.getClassLoader(),
            new Class<?>[] {CommandChecker.class}, new RepositoryModelsCommandChecker());
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> RepositoryModelsCommandChecker.class.getSimpleName();
            };
        }
        String refusal = REFUSED.get(method.getName());
        if (refusal != null && onBehalfOfAUser()) {
            throw new AuthorizationException(refusal);
        }
        return null;
    }

    /**
     * Whether the command runs for an authenticated user. Deliberately regardless of whether authorization checks are
     * switched on for the command: no command of a user deploys or deletes models.
     */
    static boolean onBehalfOfAUser() {
        CommandContext commandContext = Context.getCommandContext();
        Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
        return authentication != null && authentication.getUserId() != null;
    }
}
