package tr.bel.izmit.kadinaile.engine;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our changes to the engine's own tables (indexes, one clean-up) ({@code db/engine}, and {@code db/engine-vendor/<engine database type>} for
 * one database only, e.g. {@code postgres}), versioned with Flyway like our tables but in a history
 * of their own ({@code app_engine_migration_history}) and applied only once the engine has created or updated its
 * schema: the application's Flyway runs before the engine exists, so it cannot touch engine tables.
 */
@Component
class EngineTableMigrations extends AbstractProcessEnginePlugin {

    static final String HISTORY_TABLE = "app_engine_migration_history";

    private static final Logger LOG = LoggerFactory.getLogger(EngineTableMigrations.class);

    private final DataSource dataSource;

    EngineTableMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String databaseType = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDatabaseType();
        MigrateResult result = Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/engine", "classpath:db/engine-vendor/" + databaseType)
            .table(HISTORY_TABLE)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
        LOG.info("Engine table migrations at version {} ({} migrations applied now)", result.targetSchemaVersion,
            result.migrationsExecuted);
    }
}
