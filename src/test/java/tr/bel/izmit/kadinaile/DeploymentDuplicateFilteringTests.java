package tr.bel.izmit.kadinaile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart against the same database deploys nothing new: the processes, decisions and forms stay at the
 * version of the first start, in one deployment.
 */
class DeploymentDuplicateFilteringTests {

    private static final String PROCESS_KEY = "microcredit-application";
    private static final String DECISION_KEY = "microcredit-eligibility";
    private static final List<String> FORMS = List.of(
        "microcredit-application-start",
        "microcredit-application-check-documents",
        "microcredit-application-assess-business-plan",
        "microcredit-application-committee-decision",
        "microcredit-application-manager-approval",
        "microcredit-application-overdue-follow-up");

    @Test
    void shouldNotDeployAgainWhenTheApplicationRestartsOnTheSameDatabase() throws java.io.IOException {
        String database = "jdbc:h2:mem:dedup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // letters and digits only: the starter ignores a name with a hyphen and falls back to "default"
        String engineName = "dedup" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

        String firstDeploymentId;
        ConfigurableApplicationContext first = start(database, engineName);
        try {
            RepositoryService repository = first.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
            firstDeploymentId = repository.createDeploymentQuery().singleResult().getId();
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start(database, engineName);
        try {
            RepositoryService repository = second.getBean(RepositoryService.class);

            List<Deployment> deployments = repository.createDeploymentQuery().list();
            assertThat(deployments).hasSize(1);
            Deployment deployment = deployments.get(0);
            // The same database: the deployment of the first start is the one we see.
            assertThat(deployment.getId()).isEqualTo(firstDeploymentId);

            List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).list();
            assertThat(processes).hasSize(1);
            assertThat(processes.get(0).getVersion()).isEqualTo(1);
            assertThat(processes.get(0).getDeploymentId()).isEqualTo(deployment.getId());

            List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY).list();
            assertThat(decisions).hasSize(1);
            assertThat(decisions.get(0).getVersion()).isEqualTo(1);
            assertThat(decisions.get(0).getDeploymentId()).isEqualTo(deployment.getId());

            // Resources are named by their bare file name, wherever the application runs from; every file of
            // bpmn/ and forms/ is in the one deployment.
            List<String> resourceNames = repository.getDeploymentResourceNames(deployment.getId());
            List<String> expected = new ArrayList<>();
            for (String folder : List.of("bpmn", "forms")) {
                try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
                    files.map(path -> path.getFileName().toString()).forEach(expected::add);
                }
            }
            assertThat(expected).contains("microcredit-application.bpmn", "microcredit-eligibility.dmn");
            FORMS.forEach(form -> assertThat(expected).contains(form + ".form"));
            assertThat(resourceNames).containsExactlyInAnyOrderElementsOf(expected);

            // formRefBinding="deployment": the start form is resolved from the process's own deployment.
            String startForm = readAll(second.getBean(FormService.class).getDeployedStartForm(processes.get(0).getId()));
            assertThat(startForm).contains("\"id\": \"microcredit-application-start\"");
        } finally {
            second.close();
        }
    }

    private static ConfigurableApplicationContext start(String database, String engineName) {
        // Command-line arguments, so that they win over application-test.properties (builder properties would not).
        return new SpringApplicationBuilder(KadinAileApplication.class)
            .profiles("test")
            .run("--spring.datasource.url=" + database,
                "--server.port=0",
                // without the web apps: a second Camunda web app in this JVM replaces the web apps' static state, and
                // once closed it leaves the web apps of the other test contexts failing (500 at login)
                "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "--camunda.bpm.job-execution.enabled=false",
                // A name of its own, so that closing these engines leaves Camunda's static engine registry
                // (used by the REST API of other test contexts in this JVM) alone.
                "--camunda.bpm.process-engine-name=" + engineName);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
