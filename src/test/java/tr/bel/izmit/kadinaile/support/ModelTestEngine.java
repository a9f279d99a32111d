package tr.bel.izmit.kadinaile.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine of the fast tier of process tests: a plain Camunda engine on an in-memory H2 database, no Spring, no
 * application. A test class deploys ONE process model (with its DMN and forms) through Camunda's {@code @Deployment}
 * and mocks every delegate, listener and bean its expressions name ({@code camunda-platform-7-mockito} registers them
 * in the {@link MockExpressionManager}); it then drives the model's paths in seconds.
 *
 * <p>What this tier does NOT cover, and the full-application process tests ({@code *ProcessTests}) do: the
 * application's engine plugins and parse listeners (no scripts, the server-side form validation, the engine tuning,
 * the id generator, the lean history), the real delegates and listeners with our tables, identity and authorizations,
 * the job executor, and the Spring bean map the expressions resolve against. It checks the model: its gateways,
 * timers, messages, decisions and which delegate runs where.
 *
 * <p>One engine per test JVM, built on first use; it is not left in Camunda's static engine registry, where the
 * Spring contexts of the other tests register theirs. It is configured with {@code StandaloneInMemProcessEngineConfiguration}
 * (an {@code engine.impl} class, test code only: the class Camunda's own test configurations {@code camunda.cfg.xml}
 * name; on an upgrade recheck its setters used here).
 */
public final class ModelTestEngine implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace TIMING = ExtensionContext.Namespace.create(ModelTestEngine.class);
    private static ProcessEngine engine;

    /**
     * Use on the test class as {@code @ExtendWith(ModelTestEngine.class)} together with
     * {@code @RegisterExtension static ProcessEngineExtension engine = ModelTestEngine.extension();} (which deploys the
     * class's {@code @Deployment}).
     */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(TIMING).put("start", System.nanoTime());
    }

    /** Prints how long the class took (the fast tier's figure to hold against the full-application process tests). */
    @Override
    public void afterAll(ExtensionContext context) {
        long millis = (System.nanoTime() - context.getStore(TIMING).get("start", Long.class)) / 1_000_000;
        System.out.printf("fast tier %s: %d ms (engine start included if it was the first)%n",
            context.getRequiredTestClass().getSimpleName(), millis);
    }

    /** Points camunda-bpm-assert at this engine before each test, and away from it after (other tests use their own). */
    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(engine());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BpmnAwareTests.reset();
        org.camunda.bpm.engine.test.mock.Mocks.reset();
    }

    /**
     * Mocks every delegate and listener the model names ({@code camunda-platform-7-mockito}'s auto mock); the names in
     * {@code bothKinds} serve as execution AND task listener in the model (e.g. {@code formValidation}) and get one mock
     * that is both.
     */
    public static void mockDelegates(String bpmnResource, String... bothKinds) {
        org.camunda.community.mockito.DelegateExpressions.autoMock(bpmnResource);
        for (String name : bothKinds) {
            org.camunda.bpm.engine.test.mock.Mocks.register(name, org.mockito.Mockito.mock(
                org.camunda.bpm.engine.delegate.ExecutionListener.class,
                org.mockito.Mockito.withSettings().extraInterfaces(org.camunda.bpm.engine.delegate.TaskListener.class)));
        }
    }

    /** A Mockito mock of this bean class, registered under the name the model's expressions use. */
    public static <T> T mockBean(String name, Class<T> type) {
        T mock = org.mockito.Mockito.mock(type);
        org.camunda.bpm.engine.test.mock.Mocks.register(name, mock);
        return mock;
    }

    public static synchronized ProcessEngine engine() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("model-tests");
            configuration.setJdbcUrl("jdbc:h2:mem:model-tests;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate("true");
            configuration.setJobExecutorActivate(false);
            configuration.setHistory("full");
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
            configuration.setDefaultSerializationFormat("application/json");
            configuration.setEnforceHistoryTimeToLive(false);
            engine = configuration.buildProcessEngine();
            ProcessEngines.unregister(engine);
        }
        return engine;
    }
}
