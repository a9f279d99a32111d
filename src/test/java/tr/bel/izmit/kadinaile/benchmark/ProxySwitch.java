package tr.bel.izmit.kadinaile.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that hands out a measuring proxy's connections while {@code throughProxy} says so, else the target's
 * own, unwrapped: through a datasource-proxy every JDBC call goes through reflection and its listeners, a cost no
 * application has in production. A transaction takes its connection at its start, so switch between phases.
 */
final class ProxySwitch extends DelegatingDataSource {

    private final DataSource proxy;
    private final BooleanSupplier throughProxy;

    ProxySwitch(DataSource target, DataSource proxy, BooleanSupplier throughProxy) {
        super(target);
        this.proxy = proxy;
        this.throughProxy = throughProxy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return throughProxy.getAsBoolean() ? proxy.getConnection() : super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return throughProxy.getAsBoolean() ? proxy.getConnection(username, password) : super.getConnection(username, password);
    }
}
