package tr.bel.izmit.kadinaile.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A request of the benchmark that fails (here every fifth application answers 500, as the deadlock between a task
 * completion and the history cleanup did) is counted and reported; the clients go on and the run ends normally.
 */
class BenchmarkFailuresTests {

    @Test
    void shouldCountAFailedRequestAndGoOnWithTheNextInstance() throws Exception {
        EngineBenchmark.Failures failures = new EngineBenchmark.Failures();

        EngineBenchmark.Run run = EngineBenchmark.clients(4, 40, sequence -> {
            if (sequence % 5 == 0) {
                throw new IllegalStateException("POST /task/" + sequence + "/complete: 500 deadlock detected");
            }
            return new long[] {1, 2, 3};
        }, new AtomicInteger(0), failures);

        assertThat(failures.count()).isEqualTo(8);
        assertThat(run.completed()).isEqualTo(32);
        assertThat(run.latencies()).hasSize(3 * 32);
        assertThat(failures.first()).hasSize(8).allMatch(message -> message.contains("500 deadlock detected"));
    }

    @Test
    void shouldKeepOnlyTheFirstMessagesOfManyFailures() throws Exception {
        EngineBenchmark.Failures failures = new EngineBenchmark.Failures();

        EngineBenchmark.Run run = EngineBenchmark.clients(2, 50, sequence -> {
            throw new IllegalStateException("connection refused");
        }, new AtomicInteger(0), failures);

        assertThat(failures.count()).isEqualTo(50);
        assertThat(failures.first()).hasSize(10);
        assertThat(run.completed()).isZero();
    }

    @Test
    void shouldRecordATaskListQueryThatDoesNotAnswerInTimeAsInfiniteAndGoOn() {
        AtomicInteger calls = new AtomicInteger();

        double figure = EngineBenchmark.time(5, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException(new java.net.http.HttpTimeoutException("request timed out"));
        });

        assertThat(figure).isInfinite();
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldStillStopOnAnyOtherFailureOfATaskListQuery() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EngineBenchmark.time(5, () -> {
            throw new IllegalStateException("POST /task/count: 401");
        })).hasMessageContaining("401");
    }
}
