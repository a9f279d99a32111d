package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;

class HistoryStartTimesTests {

    private final HistoryStartTimes times = new HistoryStartTimes(100, 100);
    private final Date start = new Date(1_000_000L);

    @Test
    void shouldKeepAnActivitysStartTimeUntilItEnds() {
        times.activityStarted("act-1", start);
        assertThat(times.activityStartTime("act-1")).isEqualTo(start);

        times.activityEnded("act-1");

        assertThat(times.activityStartTime("act-1")).isNull();
    }

    @Test
    void shouldKeepAProcessInstancesStartTimeUntilItEnds() {
        times.processStarted("pi-1", start);
        assertThat(times.processStartTime("pi-1")).isEqualTo(start);

        times.processEnded("pi-1");

        assertThat(times.processStartTime("pi-1")).isNull();
    }

    @Test
    void shouldKnowNothingOfAnEventWithoutAnId() {
        times.activityEnded(null);
        times.processEnded(null);

        assertThat(times.activityStartTime(null)).isNull();
        assertThat(times.processStartTime(null)).isNull();
    }

    @Test
    void shouldHoldNoMoreThanItsBound() {
        HistoryStartTimes small = new HistoryStartTimes(10, 10);
        for (int i = 0; i < 1_000; i++) {
            small.activityStarted("act-" + i, start);
            small.processStarted("pi-" + i, start);
        }

        assertThat(small.activityCount()).isLessThanOrEqualTo(10);
        assertThat(small.processCount()).isLessThanOrEqualTo(10);
    }
}
