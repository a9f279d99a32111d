package tr.bel.izmit.kadinaile.reliability.node;

import java.io.IOException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import tr.bel.izmit.kadinaile.KadinAileApplication;

/**
 * The main class of an application node started as a separate JVM by the reliability tests: the real
 * application ({@link KadinAileApplication}) plus the test transports of {@link NodeTestBeans}. The node runs
 * with the test classpath, so component scanning would also find the test configurations of other tests
 * (an embedded database, test transports); every class compiled from the test sources is left out of the
 * scan, and only {@link NodeTestBeans} is added, explicitly.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(KadinAileApplication.class, NodeTestBeans.class)
            .initializers(context -> context.getBeanFactory().registerSingleton("reliabilityMainClassesOnly", new MainClassesOnly()))
            .run(args);
    }

    /** Leaves the classes compiled from the test sources out of component scanning. */
    static final class MainClassesOnly extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MainClassesOnly;
        }

        @Override
        public int hashCode() {
            return MainClassesOnly.class.hashCode();
        }
    }
}
