package tr.bel.izmit.kadinaile.common.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.Test;

class HistoryStartTimesTests {

    private final HistoryStartTimes times = new HistoryStartTimes(100, 100);
    private final Date start = new Date(1_000_000L);
    private final Date removal = new Date(9_000_000L);

    @Test
    void shouldKeepAnActivitysStartTimeUntilItEnds() {
        times.activityStarted("act-1", start);
        assertThat(times.activityStartTime("act-1")).isEqualTo(start);

        times.activityEnded("act-1");

        assertThat(times.activityStartTime("act-1")).isNull();
    }

    @Test
    void shouldKeepAProcessInstancesTimesUntilItEnds() {
        times.processStarted("pi-1", start, removal);
        assertThat(times.process("pi-1")).isEqualTo(new HistoryStartTimes.ProcessTimes(start, removal));

        times.processEnded("pi-1");

        assertThat(times.process("pi-1")).isNull();
    }

    @Test
    void shouldForgetEveryProcessInstanceWhenRemovalTimesChange() {
        times.processStarted("pi-1", start, removal);
        times.processStarted("pi-2", start, null);
        times.activityStarted("act-1", start);

        times.removalTimesChanging();

        assertThat(times.process("pi-1")).isNull();
        assertThat(times.process("pi-2")).isNull();
        assertThat(times.activityStartTime("act-1")).as("start times do not change").isEqualTo(start);
    }

    @Test
    void shouldNotKeepWhatWasReadWhileARemovalTimeChanged() {
        long before = times.removalTimeChanges();
        times.removalTimesChanging();

        times.processRead("pi-1", start, removal, before);
        assertThat(times.process("pi-1")).as("read before the change").isNull();

        times.processRead("pi-1", start, removal, times.removalTimeChanges());
        assertThat(times.process("pi-1")).isEqualTo(new HistoryStartTimes.ProcessTimes(start, removal));
    }

    @Test
    void shouldKeepNoProcessInstanceWhileARemovalTimeBatchRunsAndForgetAllWhenANewOneIsSeen() {
        times.removalTimeBatchesSeen(2, false);
        times.processStarted("pi-1", start, removal);
        times.removalTimeBatchesSeen(2, false);
        assertThat(times.process("pi-1")).as("nothing new").isNotNull();

        times.removalTimeBatchesSeen(3, true);

        assertThat(times.process("pi-1")).isNull();
        times.processStarted("pi-2", start, removal);
        times.processRead("pi-3", start, removal, times.removalTimeChanges());
        assertThat(times.process("pi-2")).isNull();
        assertThat(times.process("pi-3")).isNull();

        times.removalTimeBatchesSeen(3, false);
        times.processStarted("pi-2", start, removal);
        assertThat(times.process("pi-2")).isNotNull();
        times.removalTimeBatchesSeen(4, false);
        assertThat(times.process("pi-2")).as("a batch created and ended between two looks").isNull();
    }

    @Test
    void shouldKnowNothingOfAnEventWithoutAnId() {
        times.activityEnded(null);
        times.processEnded(null);

        assertThat(times.activityStartTime(null)).isNull();
        assertThat(times.process(null)).isNull();
    }

    @Test
    void shouldHoldNoMoreThanItsBound() {
        HistoryStartTimes small = new HistoryStartTimes(10, 10);
        for (int i = 0; i < 1_000; i++) {
            small.activityStarted("act-" + i, start);
            small.processStarted("pi-" + i, start, removal);
        }

        assertThat(small.activityCount()).isLessThanOrEqualTo(10);
        assertThat(small.processCount()).isLessThanOrEqualTo(10);
    }
}
