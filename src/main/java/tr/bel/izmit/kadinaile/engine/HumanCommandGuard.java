package tr.bel.izmit.kadinaile.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.FieldError;
import tr.bel.izmit.kadinaile.common.ValidationFailedException;
import tr.bel.izmit.kadinaile.forms.EditableFields;
import tr.bel.izmit.kadinaile.forms.FormRegistry;
import tr.bel.izmit.kadinaile.forms.FormSchema;

/**
 * What a person may do to a process through the engine, whichever door she uses (the engine REST API, the web
 * apps' API, the Java API with her authentication): a person changes process data only by submitting the bound
 * Camunda Form of a task or of a start event, and only its editable fields (see {@link EditableFields}).
 *
 * <p>A command counts as a person's when it runs with an authenticated user while authorization checks are on and
 * it is the outermost command: commands that the engine or our listeners run inside it, and everything the
 * application runs without an authentication (portal, jobs, our staff API after its own checks, see
 * {@link TechnicalEngineCalls}), are technical and untouched. For a person:
 * <ul>
 *   <li>task completion ({@code submit-form}, {@code complete}, {@code resolve}) and process start ({@code submit-form},
 *       {@code start}) accept only the bound form's editable fields; a read-only field only with its current value.
 *       Anything else: {@link ValidationFailedException} naming the field, and nothing changes;</li>
 *   <li>setting, patching or removing variables of tasks and executions, starting at chosen activities, process
 *       instance modification and restart, BPMN errors and escalations thrown from a task, conditional starts and
 *       external task completion are refused ({@link AuthorizationException});</li>
 *   <li>message and signal correlation (also start messages and triggering one execution's subscription) is refused
 *       with one fixed answer, whatever would match, so that its outcome says nothing about instances she cannot
 *       see. Staff move cases on through our own endpoints, which check them first.</li>
 * </ul>
 * The batch variants (variables-async, modification-async, restart-async, migration) are not handled here.
 */
@Component
class HumanCommandGuard extends AbstractProcessEnginePlugin {

    static final String VARIABLES_REFUSED = Texts.get("engine.refused.variables");
    static final String FLOW_REFUSED = Texts.get("engine.refused.flow");
    static final String CORRELATION_REFUSED = Texts.get("engine.refused.correlation");

    /** Named when an engine upgrade renamed a field this guard reads. */
    private static final String GUARD = "human command guard";
    private static final Field SUBMIT_TASK_ID = EngineFields.field(SubmitTaskFormCmd.class, "taskId", GUARD);
    private static final Field SUBMIT_TASK_VARIABLES = EngineFields.field(SubmitTaskFormCmd.class, "properties", GUARD);
    private static final Field COMPLETE_TASK_ID = EngineFields.field(CompleteTaskCmd.class, "taskId", GUARD);
    private static final Field COMPLETE_TASK_VARIABLES = EngineFields.field(CompleteTaskCmd.class, "variables", GUARD);
    private static final Field SUBMIT_START_DEFINITION = EngineFields.field(SubmitStartFormCmd.class, "processDefinitionId", GUARD);
    private static final Field SUBMIT_START_VARIABLES = EngineFields.field(SubmitStartFormCmd.class, "variables", GUARD);
    private static final Field START_BUILDER = EngineFields.field(StartProcessInstanceCmd.class, "instantiationBuilder", GUARD);

    /** Refused for a person whatever they carry. */
    private static final List<Class<?>> VARIABLE_WRITES = List.of(AbstractSetVariableCmd.class, AbstractPatchVariablesCmd.class,
        AbstractRemoveVariableCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
        EvaluateStartConditionCmd.class, CompleteExternalTaskCmd.class, HandleExternalTaskBpmnErrorCmd.class,
        HandleExternalTaskFailureCmd.class);
    private static final List<Class<?>> FLOW_CHANGES = List.of(StartProcessInstanceAtActivitiesCmd.class,
        ModifyProcessInstanceCmd.class, ProcessInstanceModificationCmd.class, RestartProcessInstancesCmd.class);
    private static final List<Class<?>> CORRELATIONS = List.of(AbstractCorrelateMessageCmd.class, SignalEventReceivedCmd.class,
        MessageEventReceivedCmd.class, SignalCmd.class);

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final FormRegistry forms;
    private final EditableFields editableFields = new EditableFields();

    HumanCommandGuard(FormRegistry forms) {
        this.forms = forms;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // inside the command context (to read the task and the definition), before the command itself
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
            with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private List<CommandInterceptor> with(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new Interceptor());
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    void check(Command<?> command, CommandContext context) {
        if (!isPerson(context)) {
            return;
        }
        if (isAny(command, CORRELATIONS)) {
            throw new AuthorizationException(CORRELATION_REFUSED);
        }
        if (isAny(command, FLOW_CHANGES)) {
            throw new AuthorizationException(FLOW_REFUSED);
        }
        if (isAny(command, VARIABLE_WRITES)) {
            throw new AuthorizationException(VARIABLES_REFUSED);
        }
        if (command instanceof SubmitTaskFormCmd) {
            checkTask(context, (String) EngineFields.read(SUBMIT_TASK_ID, command),
                (Map<?, ?>) EngineFields.read(SUBMIT_TASK_VARIABLES, command));
        } else if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
            checkTask(context, (String) EngineFields.read(COMPLETE_TASK_ID, command),
                (Map<?, ?>) EngineFields.read(COMPLETE_TASK_VARIABLES, command));
        } else if (command instanceof SubmitStartFormCmd) {
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            String definitionId = (String) EngineFields.read(SUBMIT_START_DEFINITION, command);
            checkStart(cache.findDeployedProcessDefinitionById(definitionId),
                (Map<?, ?>) EngineFields.read(SUBMIT_START_VARIABLES, command));
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) EngineFields.read(START_BUILDER, command);
            DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
            ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
                ? cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
                : builder.isProcessDefinitionTenantIdSet()
                    ? cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(builder.getProcessDefinitionKey(),
                        builder.getProcessDefinitionTenantId())
                    : cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
            checkStart(definition, builder.getVariables());
        }
    }

    private static boolean isPerson(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication != null && authentication.getUserId() != null
            && context.getProcessEngineConfiguration().isAuthorizationEnabled();
    }

    private static boolean isAny(Command<?> command, List<Class<?>> types) {
        return types.stream().anyMatch(type -> type.isInstance(command));
    }

    private void checkTask(CommandContext context, String taskId, Map<?, ?> submitted) {
        if (submitted == null || submitted.isEmpty() || taskId == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command itself answers "no such task"
        }
        // the command's own authorization check first, so that the form's fields are told only to those who may work
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkTaskWork(task);
        }
        ModelElementInstance element = task.getProcessDefinitionId() == null ? null : task.getBpmnModelElementInstance();
        String formRef = element instanceof UserTask userTask ? userTask.getCamundaFormRef() : null;
        checkSubmission(formRef, submitted, task::getVariables);
    }

    private void checkStart(ProcessDefinitionEntity definition, Map<?, ?> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            return;
        }
        // the command's own authorization check first (only starters learn anything about the start form)
        for (CommandChecker checker : Context.getProcessEngineConfiguration().getCommandCheckers()) {
            checker.checkCreateProcessInstance(definition);
        }
        DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
        BpmnModelInstance model = cache.findBpmnModelInstanceForProcessDefinition(definition);
        String initialId = definition.getInitial() == null ? null : definition.getInitial().getId();
        ModelElementInstance initial = initialId == null ? null : model.getModelElementById(initialId);
        String formRef = initial instanceof StartEvent startEvent ? startEvent.getCamundaFormRef() : null;
        checkSubmission(formRef, submitted, Map::of);
    }

    @SuppressWarnings("unchecked")
    private void checkSubmission(String formRef, Map<?, ?> submitted, Supplier<Map<String, Object>> current) {
        FormSchema form = formRef == null ? null : forms.find(formRef).orElse(null);
        // the task's variables (all of its scopes, deserialized) only when a read-only field is among the submitted
        // ones: reading them was 8 % of the year simulation's threads (issue 26's profile)
        List<String> refused = form == null
            ? submitted.keySet().stream().map(String::valueOf).sorted().toList()
            : editableFields.refused(form, (Map<String, ?>) submitted,
                editableFields.needsCurrentValues(form, submitted.keySet()) ? current.get() : Map.of());
        if (!refused.isEmpty()) {
            throw new ValidationFailedException(refused.stream()
                .map(field -> new FieldError(field, EditableFields.message(field)))
                .toList());
        }
    }

    private final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            int[] depth = DEPTH.get();
            if (depth[0] == 0) {
                check(command, Context.getCommandContext());
            }
            depth[0]++;
            try {
                return next.execute(command);
            } finally {
                depth[0]--;
                if (depth[0] == 0) {
                    DEPTH.remove();
                }
            }
        }
    }
}
