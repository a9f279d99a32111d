package tr.bel.izmit.kadinaile.engine;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One migration history for our tables and the engine's ({@code app_schema_history}, {@code db/migration} and
 * {@code db/vendor/{vendor}}): Spring Boot's Flyway runs the SQL migrations and the Java steps declared here, and
 * the engine is built only after it (see {@link EngineAfterMigrations}). Version numbers are one sequence: the engine
 * steps take the next free number like any other migration. A Camunda upgrade adds a step here, e.g.
 * {@code EngineSchema.upgrade("30", "7.24", "7.25")}.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaMigrations {

    /** The version of Camunda's tables that V18 creates or adopts: the engine on the class path. */
    static final String ENGINE_SCHEMA = "7.24.0";

    @Bean
    JavaMigration engineSchema() {
        return EngineSchema.create("18", ENGINE_SCHEMA);
    }

    /**
     * Makes the engine's beans wait for the database migrations, as Spring Boot does for JPA and JDBC templates: the
     * engine checks its tables at start-up and indexes of ours sit on them. A Spring Boot extension point, registered
     * in {@code META-INF/spring.factories}.
     */
    static class EngineAfterMigrations implements DependsOnDatabaseInitializationDetector {

        @Override
        public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
            Set<String> names = new java.util.HashSet<>();
            for (Class<?> type : new Class<?>[] {ProcessEngineConfiguration.class, ProcessEngine.class}) {
                names.addAll(Set.of(beanFactory.getBeanNamesForType(type, true, false)));
            }
            return names;
        }
    }
}
