package tr.bel.izmit.kadinaile.izgim.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import tr.bel.izmit.kadinaile.izgim.CounsellingCipher;

/**
 * Step V30_1 of the one migration history: encrypts the children registered before V30 (written in clear by the
 * library of V29) with İZGİM's key, in the same transaction as the rest of the start's migrations. V30 widened the
 * columns; every row this step finds is in clear, since nothing wrote an encrypted child before this release, and it
 * runs once. A Java step because the key lives in the application (the environment variable), never in SQL. Logs
 * nothing about the rows; a failure (no key, a wrong key format) stops the start before anything is half done.
 */
final class LibraryChildEncryption implements JavaMigration {

    static final String VERSION = "30.1";

    private final CounsellingCipher cipher;

    LibraryChildEncryption(CounsellingCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "izgim library child data encrypted";
    }

    @Override
    public Integer getChecksum() {
        return getDescription().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select id, first_name, birth_year, parent_name, parent_phone from izl_child");
             PreparedStatement update = connection.prepareStatement(
                 "update izl_child set first_name = ?, birth_year = ?, parent_name = ?, parent_phone = ? where id = ?")) {
            while (rows.next()) {
                for (int column = 2; column <= 5; column++) {
                    update.setString(column - 1, cipher.encrypt(rows.getString(column)));
                }
                update.setLong(5, rows.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
