package tr.bel.izmit.kadinaile.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * While switched on, sums the time of every SQL statement by its text (datasource-proxy around the application's
 * data source), to show where a call such as the dashboard spends its time. Off, connections are the data source's
 * own, unwrapped (wrapped, every JDBC call of the year went through reflection: ~5 % of the simulation's CPU).
 */
final class StatementTimes implements BeanPostProcessor {

    private volatile boolean on;
    private final Map<String, long[]> times = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource) && !(bean instanceof ProxySwitch)) {
            ProxyDataSource proxy = ProxyDataSourceBuilder.create(dataSource).name(beanName)
                .afterQuery((execution, queries) -> {
                    long[] sum = times.computeIfAbsent(queries.get(0).getQuery().replaceAll("\\s+", " "), k -> new long[2]);
                    synchronized (sum) {
                        sum[0]++;
                        sum[1] += execution.getElapsedTime();
                    }
                })
                .build();
            return new ProxySwitch(dataSource, proxy, () -> on);
        }
        return bean;
    }

    /** Statement text → {executions, total milliseconds} of one call, slowest first. */
    Map<String, long[]> during(Runnable call) {
        times.clear();
        on = true;
        try {
            call.run();
        } finally {
            on = false;
        }
        Map<String, long[]> slowest = new LinkedHashMap<>();
        times.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
            .forEach(e -> slowest.put(e.getKey(), e.getValue().clone()));
        return slowest;
    }
}
