package tr.bel.izmit.kadinaile.izgim.library;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tr.bel.izmit.kadinaile.izgim.CounsellingCipher;

/** The library's Java migration step (Spring Boot hands every {@link JavaMigration} bean to Flyway). */
@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

    @Bean
    JavaMigration libraryChildEncryption(CounsellingCipher cipher) {
        return new LibraryChildEncryption(cipher);
    }
}
