package tr.bel.izmit.kadinaile.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Several Spring test contexts live in one test JVM, each with an engine named "default", while Camunda's
 * REST API and authentication filter look the engine up in a static registry by name. Before each test
 * this puts the test's own engine in the registry, so that HTTP requests reach the engine (and database) of
 * the context under test. Registered for every test in META-INF/spring.factories.
 */
public class EngineRegistryTestExecutionListener extends AbstractTestExecutionListener {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
