package tr.bel.izmit.kadinaile.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Test only ({@code reliability-cluster.bpmn}, TwoNodesIT): counts each execution of a job in the table
 * {@code rel_job_count}, one row per process instance and step ({@code timer}: the timer job, {@code async}: the
 * async continuation), inside the job's own transaction (the engine's transaction-aware data source): a job
 * rolled back by a crash leaves no count. The row also names the node that ran it.
 */
public class CountingDelegate implements JavaDelegate, ExecutionListener {

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        count(execution, "async");
    }

    @Override
    public void notify(DelegateExecution execution) throws Exception {
        count(execution, "timer");
    }

    private static void count(DelegateExecution execution, String step) throws SQLException, InterruptedException {
        // a little work, so that a kill lands in the middle of a batch
        Thread.sleep(10);
        DataSource dataSource = Context.getProcessEngineConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("insert into rel_job_count (job_key, node, executions) "
                    + "values (?, ?, 1) on conflict (job_key) do update set executions = rel_job_count.executions + 1, node = excluded.node")) {
            statement.setString(1, execution.getProcessInstanceId() + ":" + step);
            statement.setString(2, System.getProperty("reliability.node", "?"));
            statement.executeUpdate();
        }
    }
}
