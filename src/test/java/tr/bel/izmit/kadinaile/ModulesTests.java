package tr.bel.izmit.kadinaile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The walls between the modules, checked by Spring Modulith on the bytecode: every top-level package is a module,
 * a module reaches another only through its API (the public types of its base package and its named interfaces,
 * e.g. {@code common::validation}), and no two modules depend on each other in a cycle. Constants the compiler
 * copied into their users are invisible here; {@link SourceModuleCyclesTests} reads the sources for them. Also
 * writes the module documentation (PlantUML component diagrams and module canvases) to
 * {@code target/spring-modulith-docs}.
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(KadinAileApplication.class);

    @Test
    void shouldKeepEveryModuleBehindItsApi() {
        System.out.println(MODULES);
        MODULES.verify();
    }

    @Test
    void shouldDeclareTheCapabilitiesAndTheSharedModules() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
            .contains("common", "engine", "forms", "identity", "metrics", "portal", "notification", "microcredit",
                "courses", "producers", "violenceline");
    }

    @Test
    void shouldWriteTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
