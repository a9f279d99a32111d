package tr.bel.izmit.kadinaile.benchmark;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The benchmark's only delegate, referenced by class from its models so that the out-of-the-box engine runs it too:
 * counts the trivial jobs executed and, after a timer, records how late it fired.
 */
public class JobProbe implements JavaDelegate {

    static final AtomicLong EXECUTED = new AtomicLong();
    static final List<Long> TIMER_LAG_MILLIS = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        Object dueAt = execution.getVariable("dueAt");
        if (dueAt instanceof Date due) {
            TIMER_LAG_MILLIS.add(System.currentTimeMillis() - due.getTime());
        } else {
            EXECUTED.incrementAndGet();
        }
    }

    static void reset() {
        EXECUTED.set(0);
        TIMER_LAG_MILLIS.clear();
    }
}
