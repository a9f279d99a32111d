package tr.bel.izmit.kadinaile.izgim.calendar;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of work so that its failure undoes only its own writes: inside the caller's transaction, between a JDBC
 * savepoint and its release on the transaction's connection (Spring's NESTED propagation is not available with the
 * JPA transaction manager: Hibernate's dialect offers no savepoints); without one, in a transaction of its own. On
 * PostgreSQL this is also what keeps the caller's transaction usable after a refused insert (an error aborts the
 * whole transaction otherwise).
 */
@Component
class Savepoints {

    private final DataSource dataSource;
    private final TransactionTemplate own;

    Savepoints(DataSource dataSource, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.own = new TransactionTemplate(transactions);
    }

    <T> T run(Supplier<T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return own.execute(status -> work.get());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                connection.rollback(savepoint);
                throw failure;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
