package tr.bel.izmit.kadinaile.izgim.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.izgim.CounsellingCipher;

/**
 * V30_1 encrypts the children a library before V30 wrote in clear: every personal column of every row, readable with
 * İZGİM's key afterwards, the card number and the rest untouched; a table without rows is left as it is.
 */
class LibraryChildEncryptionTests {

    /** The development key of the test profile (application-test.properties). */
    private static final CounsellingCipher CIPHER = new CounsellingCipher(
        Base64.getDecoder().decode("Jz4Qm1b3qk0o7Xv2W9cY5tHn8Lr6Ue1Sa3Df0Gh2Jk4="));

    @Test
    void shouldEncryptEveryChildWrittenInClearBeforeAndLeaveTheCardNumberAsItIs() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:v30-" + UUID.randomUUID(), "sa", "")) {
            try (Statement sql = connection.createStatement()) {
                // the table after V29 and V30: the old rows in clear, the columns already wide
                sql.execute("create table izl_child (id bigint primary key, card_number varchar(20) not null, first_name varchar(600) not null, "
                    + "birth_year varchar(600) not null, parent_name varchar(600) not null, parent_phone varchar(600) not null, "
                    + "consent_version varchar(20) not null)");
                sql.execute("insert into izl_child values (1, 'KK-AAAA-0001', 'Defne', '2019', 'Veli Defne', '5550003000', '2026-1')");
                sql.execute("insert into izl_child values (2, 'KK-AAAA-0002', 'Ömer Çağrı', '2016', 'Şükran Öğüt', '5550003001', '2026-1')");
            }

            new LibraryChildEncryption(CIPHER).migrate(context(connection));

            List<List<String>> rows = new ArrayList<>();
            try (Statement sql = connection.createStatement();
                 var result = sql.executeQuery("select card_number, first_name, birth_year, parent_name, parent_phone, consent_version "
                     + "from izl_child order by id")) {
                while (result.next()) {
                    assertThat(List.of(result.getString(2), result.getString(3), result.getString(4), result.getString(5)))
                        .noneMatch(stored -> stored.contains("Defne") || stored.contains("Ömer") || stored.contains("2019")
                            || stored.contains("555000"));
                    rows.add(List.of(result.getString(1), CIPHER.decrypt(result.getString(2)), CIPHER.decrypt(result.getString(3)),
                        CIPHER.decrypt(result.getString(4)), CIPHER.decrypt(result.getString(5)), result.getString(6)));
                }
            }
            assertThat(rows).containsExactly(
                List.of("KK-AAAA-0001", "Defne", "2019", "Veli Defne", "5550003000", "2026-1"),
                List.of("KK-AAAA-0002", "Ömer Çağrı", "2016", "Şükran Öğüt", "5550003001", "2026-1"));
            assertThat(new LibraryChildEncryption(CIPHER).getVersion().getVersion()).isEqualTo("30.1");
        }
    }

    @Test
    void shouldLeaveAnEmptyTableAsItIs() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:v30-" + UUID.randomUUID(), "sa", "")) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("create table izl_child (id bigint primary key, card_number varchar(20), first_name varchar(600), "
                    + "birth_year varchar(600), parent_name varchar(600), parent_phone varchar(600))");
            }
            new LibraryChildEncryption(CIPHER).migrate(context(connection));
            try (Statement sql = connection.createStatement(); var result = sql.executeQuery("select count(*) from izl_child")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isZero();
            }
        }
    }

    @Test
    void shouldFitTheStoredFormOfTheLongestTextTheRulesAllowInTheWidenedColumns() {
        // a parent's name of 120 characters (the service's limit), each two bytes in UTF-8 as Turkish letters are
        String longest = "ğ".repeat(120);
        assertThat(CIPHER.encrypt(longest).length()).isLessThanOrEqualTo(LibraryChild.ENCRYPTED_COLUMN_LENGTH);
        assertThat(CounsellingCipher.maxPlaintextBytes(LibraryChild.ENCRYPTED_COLUMN_LENGTH)).isGreaterThanOrEqualTo(3 * 120);
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
