package tr.bel.izmit.kadinaile.identity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ExternalTaskQueryImpl;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl;
import org.camunda.bpm.engine.impl.HistoricProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.batch.BatchConfiguration;
import org.camunda.bpm.engine.impl.batch.BatchJobHandler;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.util.ClassUtils;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * No batch on a confidential process's data started by a user. A batch job runs later without a user, so the
 * only check it gets is the batch permission; the engine's batch builder writes the batch's configuration (with
 * the ids it acts on) through its job handler inside the command that creates the batch, with the caller's
 * authentication. This guard wraps every batch job handler and refuses ({@link AuthorizationException}, 403) that
 * configuration when one of its ids is a runtime or historic process instance, a job or an external task of a
 * confidential process, or a historic decision instance of a confidential decision — whatever the batch type, so a
 * batch type added by an engine upgrade is covered as long as its ids are of these kinds.
 */
final class ConfidentialBatchGuard implements InvocationHandler {

    static final String REFUSAL = Texts.get("identity.confidential.batch-refused");
    private static final int CHUNK = 500;

    private final Object handler;
    private final String[] processKeys;
    private final String[] decisionKeys;

    private ConfidentialBatchGuard(Object handler, Set<String> processKeys, Set<String> decisionKeys) {
        this.handler = handler;
        this.processKeys = processKeys.toArray(String[]::new);
        this.decisionKeys = decisionKeys.toArray(String[]::new);
    }

    /** The handler, guarded: a proxy with all of the handler's interfaces (job handler, batch job handler, ...). */
    static Object guard(Object handler, Set<String> processKeys, Set<String> decisionKeys) {
        if (Proxy.isProxyClass(handler.getClass()) && Proxy.getInvocationHandler(handler) instanceof ConfidentialBatchGuard) {
            return handler;
        }
        return Proxy.newProxyInstance(handler.getClass().getClassLoader(), ClassUtils.getAllInterfaces(handler),
            new ConfidentialBatchGuard(handler, processKeys, decisionKeys));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if ("writeConfiguration".equals(method.getName()) && args != null && args.length == 1
                && args[0] instanceof BatchConfiguration configuration && method.getDeclaringClass() == BatchJobHandler.class) {
            refuseConfidential(configuration);
        }
        try {
            return method.invoke(handler, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void refuseConfidential(BatchConfiguration configuration) {
        CommandContext commandContext = Context.getCommandContext();
        Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
        List<String> ids = configuration.getIds();
        if (authentication == null || authentication.getUserId() == null || ids == null || ids.isEmpty()) {
            return;
        }
        if (anyConfidential(commandContext, ids)) {
            throw new AuthorizationException(REFUSAL);
        }
    }

    boolean anyConfidential(CommandContext commandContext, List<String> ids) {
        return withoutChecks(commandContext, () -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                Set<String> chunk = new HashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
                if (confidentialCount(commandContext, chunk) > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    private long confidentialCount(CommandContext commandContext, Set<String> ids) {
        long count = 0;
        if (processKeys.length > 0) {
            count += count(commandContext, new ProcessInstanceQueryImpl().processInstanceIds(ids).processDefinitionKeyIn(processKeys));
            count += count(commandContext,
                new HistoricProcessInstanceQueryImpl().processInstanceIds(ids).processDefinitionKeyIn(processKeys));
            for (String key : processKeys) {
                count += count(commandContext, new JobQueryImpl().jobIds(ids).processDefinitionKey(key));
            }
            count += count(commandContext, new ExternalTaskQueryImpl().externalTaskIdIn(ids).processDefinitionKeyIn(processKeys));
        }
        if (decisionKeys.length > 0) {
            count += count(commandContext, new HistoricDecisionInstanceQueryImpl()
                .decisionInstanceIdIn(ids.toArray(String[]::new)).decisionDefinitionKeyIn(decisionKeys));
        }
        return count;
    }

    private static long count(CommandContext commandContext, Object query) {
        return ((AbstractQuery<?, ?>) query).executeCount(commandContext);
    }

    /** Looks the ids up without the caller's authorization and tenant restrictions (she may see none of them). */
    private static <T> T withoutChecks(CommandContext commandContext, Callable<T> lookup) {
        boolean tenantCheck = commandContext.isTenantCheckEnabled();
        commandContext.disableTenantCheck();
        try {
            return commandContext.runWithoutAuthorization(lookup);
        } finally {
            if (tenantCheck) {
                commandContext.enableTenantCheck();
            }
        }
    }
}
