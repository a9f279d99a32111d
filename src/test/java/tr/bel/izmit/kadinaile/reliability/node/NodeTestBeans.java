package tr.bel.izmit.kadinaile.reliability.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import tr.bel.izmit.kadinaile.notification.Channel;
import tr.bel.izmit.kadinaile.notification.NotificationTransport;

/**
 * Test beans of a node, added explicitly by {@link NodeMain} (deliberately without {@code @Configuration}, so
 * that no other test context scans them): providers that write every message they accept to a file, one line
 * {@code CHANNEL<TAB>idempotency key} each, appended before {@code send} returns. The file survives a SIGKILL of
 * the node, so the harness counts what reached "the citizen". The SMS provider stands for one that drops
 * repeats of an idempotency key ({@code AT_LEAST_ONCE}); e-mail cannot ({@code AT_MOST_ONCE}).
 */
public class NodeTestBeans {

    /** The job executor locks jobs under the node's name, so the tests see which node holds which job. */
    @Bean
    ProcessEnginePlugin lockOwnerIsTheNodeName() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine processEngine) {
                ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
                configuration.getJobExecutor().setLockOwner(System.getProperty("reliability.node"));
            }
        };
    }

    /**
     * The reliability tests' model, deployed by the node at start-up as a release deploys its models (nobody may deploy
     * through the REST API); with duplicate filtering the second node deploys nothing new.
     */
    @Bean
    ProcessEnginePlugin reliabilityModel() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine processEngine) {
                processEngine.getRepositoryService().createDeployment()
                    .name("reliability-cluster")
                    .enableDuplicateFiltering(false)
                    .addClasspathResource("reliability/reliability-cluster.bpmn")
                    .deploy();
            }
        };
    }

    @Bean
    NotificationTransport recordingSmsProvider(@Value("${app.test.notification-record-file}") Path file) {
        return new RecordingTransport(Channel.SMS, NotificationTransport.Delivery.AT_LEAST_ONCE, file);
    }

    @Bean
    NotificationTransport recordingEmailProvider(@Value("${app.test.notification-record-file}") Path file) {
        return new RecordingTransport(Channel.EMAIL, NotificationTransport.Delivery.AT_MOST_ONCE, file);
    }

    record RecordingTransport(Channel channel, NotificationTransport.Delivery delivery, Path file) implements NotificationTransport {

        private static final Object LOCK = new Object();

        @Override
        public void send(String idempotencyKey, String recipient, String subject, String body) {
            synchronized (LOCK) {
                try {
                    Files.writeString(file, channel + "\t" + idempotencyKey + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
