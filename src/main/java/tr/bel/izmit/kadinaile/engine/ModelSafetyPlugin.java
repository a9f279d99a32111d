package tr.bel.izmit.kadinaile.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a model may do, enforced in the engine:
 * <ul>
 *   <li>no script of any format passes the parser ({@link NoScriptParseListener});</li>
 *   <li>expressions reach only the beans of {@link ModelBeans}: the engine's bean map, and a
 *       {@link SpringExpressionManager} built with it. The starter's {@code ProcessEngineFactoryBean} creates its
 *       expression manager before any plugin runs, from {@code getBeans()}, which is still empty then (and the whole
 *       application context is exposed when it is), so this plugin replaces it;</li>
 *   <li>no user deploys, redeploys or deletes models ({@link RepositoryModelsCommandChecker}, added to the engine's
 *       command checkers after every plugin's preInit so that it comes on top of whichever checkers they set).</li>
 * </ul>
 */
@Component
class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext applicationContext;
    private final ModelBeans modelBeans;

    ModelSafetyPlugin(ApplicationContext applicationContext, ModelBeans modelBeans) {
        this.applicationContext = applicationContext;
        this.modelBeans = modelBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new NoScriptParseListener());
        configuration.setCustomPreBPMNParseListeners(listeners);

        Map<Object, Object> beans = modelBeans.lazyMap(applicationContext);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = new ArrayList<>(configuration.getCommandCheckers());
        checkers.add(RepositoryModelsCommandChecker.create());
        configuration.setCommandCheckers(checkers);
    }
}
