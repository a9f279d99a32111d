package tr.bel.izmit.kadinaile.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine's own tables as one step of our single Flyway history ({@code app_schema_history}): Camunda's create
 * scripts, shipped in the engine jar, applied for the database at hand. The engine itself never creates or changes
 * its schema ({@code camunda.bpm.database.schema-update=false}); it only checks at start-up that its tables are
 * there. A Camunda upgrade is therefore a deliberate step: a new migration applies the engine's upgrade script of
 * that version ({@link #upgrade}), and {@code EngineTableMigrationsTests} fails until one does (it compares the
 * schema log with the engine on the class path).
 *
 * <p>A database created before this scheme (the engine's {@code schema-update=true}) already holds the tables:
 * then nothing is created, and the step only checks that they are the version of the engine on the class path.
 */
final class EngineSchema implements JavaMigration {

    /** What {@code schema-update} created with our settings: history and identity in the database, DMN on, CMMN off. */
    static final List<String> COMPONENTS = List.of("engine", "history", "identity", "decision.engine", "decision.history");

    private static final String SCRIPTS = "org/camunda/bpm/engine/db/";

    private final MigrationVersion version;
    private final String description;
    private final String fromVersion;
    private final String toVersion;

    private EngineSchema(String version, String description, String fromVersion, String toVersion) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.fromVersion = fromVersion;
        this.toVersion = toVersion;
    }

    /** Creates the engine's tables of {@code engineVersion} (e.g. {@code 7.24.0}), or adopts those already there. */
    static EngineSchema create(String version, String engineVersion) {
        return new EngineSchema(version, "camunda engine schema " + engineVersion, null, engineVersion);
    }

    /** Applies the engine's upgrade script {@code <db>_engine_<from>_to_<to>.sql} (e.g. {@code 7.24}, {@code 7.25}). */
    static EngineSchema upgrade(String version, String from, String to) {
        return new EngineSchema(version, "camunda engine schema " + from + " to " + to, from, to);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return (fromVersion + ">" + toVersion).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String database = camundaDatabaseType(connection.getMetaData());
        if (fromVersion != null) {
            run(connection, SCRIPTS + "upgrade/" + database + "_engine_" + fromVersion + "_to_" + toVersion + ".sql");
        } else if (engineTablesPresent(connection)) {
            requireSchemaLogVersion(connection, toVersion);
        } else {
            for (String component : COMPONENTS) {
                run(connection, SCRIPTS + "create/activiti." + database + ".create." + component + ".sql");
            }
        }
    }

    /** Camunda's name of the database (the infix of its script names). */
    static String camundaDatabaseType(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        return switch (product) {
            case "PostgreSQL" -> "postgres";
            case "H2" -> "h2";
            default -> throw new IllegalStateException("No engine schema step for database " + product);
        };
    }

    private static boolean engineTablesPresent(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of("act_ge_property", "ACT_GE_PROPERTY")) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void requireSchemaLogVersion(Connection connection, String expected) throws SQLException {
        String found = schemaLogVersion(connection);
        if (!expected.equals(found)) {
            throw new IllegalStateException("The engine tables are at version " + found + ", this step adopts only "
                + expected + ": upgrade them with the engine's scripts first (docs/decisions/0001-engine-future.md)");
        }
    }

    /** The newest version in the engine's schema log ({@code ACT_GE_SCHEMA_LOG}), e.g. {@code 7.24.0}. */
    static String schemaLogVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                 "select VERSION_ from ACT_GE_SCHEMA_LOG order by TIMESTAMP_ desc")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static void run(Connection connection, String script) {
        ClassPathResource resource = new ClassPathResource(script);
        if (!resource.exists()) {
            throw new IllegalStateException("The engine jar has no script " + script);
        }
        ScriptUtils.executeSqlScript(connection, resource);
    }
}
