package tr.bel.izmit.kadinaile.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form of {@code bpmn/} and {@code forms/} (copied onto the classpath by
 * the build) as one deployment when the engine starts. Resources are named by their bare file name, so the
 * names do not depend on where the application runs from (a classes folder, a jar, a container): an
 * unchanged set of files makes no new deployment and no new versions. One changed file redeploys the whole
 * set, so that a process and the forms it binds with {@code formRefBinding="deployment"} stay together.
 * Replaces the starter's auto-deployment, whose resource names are absolute paths.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

    static final String NAME = "kadin-aile";
    static final List<String> PATTERNS = List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form");

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        DeploymentBuilder builder = processEngine.getRepositoryService().createDeployment()
            .name(NAME)
            .source(NAME)
            .enableDuplicateFiltering(false);
        List<String> names = addResources(builder);
        Deployment deployment = builder.deploy();
        LOG.info("Deployment '{}' ({}) holds {} models", NAME, deployment.getId(), names.size());
    }

    static List<String> addResources(DeploymentBuilder builder) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    String name = resource.getFilename();
                    if (name == null || !seen.add(name)) {
                        throw new IllegalStateException("model file names must be unique: " + name);
                    }
                    try (InputStream in = resource.getInputStream()) {
                        builder.addInputStream(name, in);
                    }
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models to deploy", e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no BPMN, DMN or form found on the classpath under bpmn/ and forms/");
        }
        return names;
    }
}
