package tr.bel.izmit.kadinaile.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.springframework.stereotype.Component;

/**
 * Refuses every task query that carries an expression, at its top level or inside one of its or-queries.
 * The engine's own switches ({@code enableExpressionsInAdhocQueries}, {@code enableExpressionsInStoredQueries},
 * both off) check only the top level: an or-query of {@code POST /engine-rest/task} such as
 * {@code {"orQueries":[{"assigneeExpression":"${...}"}]}} was evaluated (found by
 * {@code SecurityHardeningTests}), which would let any logged-in user have the engine evaluate expressions of
 * her choosing. The same held for filters: one saved with such an or-query, or listed with an extending query
 * that has one, was evaluated too. So a command interceptor looks at every task query (a command of its own),
 * every filter being saved and every filter being executed (its stored query and the extending query): through
 * the REST API, the web apps and our own code alike. Nothing of ours queries with expressions; the Tasklist
 * filters name their user or date instead.
 */
@Component
class QueryExpressionGuard extends AbstractProcessEnginePlugin {

    static final String MESSAGE = "Expressions are forbidden in task queries, also inside orQueries.";

    /** Named when an engine upgrade renamed a field this guard reads. */
    private static final String GUARD = "query expression guard";
    private static final Field SAVED_FILTER = EngineFields.field(SaveFilterCmd.class, "filter", GUARD);
    private static final Field EXECUTED_FILTER_ID = EngineFields.field(AbstractExecuteFilterCmd.class, "filterId", GUARD);
    private static final Field EXTENDING_QUERY = EngineFields.field(AbstractExecuteFilterCmd.class, "extendingQuery", GUARD);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // after the command context exists, so that a filter to be executed can be read
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
            with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new Interceptor());
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    static void check(Object command) {
        if (command instanceof SaveFilterCmd) {
            Filter filter = (Filter) EngineFields.read(SAVED_FILTER, command);
            checkQuery(filter == null ? null : filter.getQuery());
        } else if (command instanceof AbstractExecuteFilterCmd) {
            checkQuery(EngineFields.read(EXTENDING_QUERY, command));
            String filterId = (String) EngineFields.read(EXECUTED_FILTER_ID, command);
            FilterEntity stored = filterId == null ? null
                : Context.getCommandContext().getDbEntityManager().selectById(FilterEntity.class, filterId);
            checkQuery(stored == null ? null : stored.getQuery());
        } else {
            checkQuery(command);
        }
    }

    private static void checkQuery(Object query) {
        if (query instanceof TaskQueryImpl taskQuery) {
            for (TaskQueryImpl part : taskQuery.getQueries()) {
                if (!part.getExpressions().isEmpty()) {
                    throw new BadUserRequestException(MESSAGE);
                }
            }
        }
    }

    private static final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            check(command);
            return next.execute(command);
        }
    }
}
