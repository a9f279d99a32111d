package tr.bel.izmit.kadinaile.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** Decision tests run the DMN files of {@code bpmn/} on a standalone DMN engine, without the process engine. */
public final class DecisionFiles {

    /** One engine for all decision tests: it holds no state between evaluations. */
    public static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DecisionFiles() {
    }

    /**
     * Parses a decision of a DMN file, preferring the file in the source tree so that a test never runs
     * against a stale copy in target/.
     */
    public static DmnDecision parse(String resource, String decisionKey) {
        try (InputStream dmn = open(resource)) {
            return ENGINE.parseDecision(decisionKey, dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        Path onDisk = Path.of(resource);
        if (Files.isRegularFile(onDisk)) {
            return Files.newInputStream(onDisk);
        }
        InputStream onClasspath = DecisionFiles.class.getClassLoader().getResourceAsStream(resource);
        if (onClasspath == null) {
            throw new IOException(resource + " is neither on disk nor on the classpath");
        }
        return onClasspath;
    }
}
