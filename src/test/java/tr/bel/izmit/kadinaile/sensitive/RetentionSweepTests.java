package tr.bel.izmit.kadinaile.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The retention sweep: the cutoff from the clock, each due case erased on its own, a failing case only postponed. */
class RetentionSweepTests {

    private static final Instant NOW = Instant.parse("2026-06-01T01:30:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    static class TestCase extends SensitiveCase {
        String personal = "Kanarya";
        final boolean due;

        TestCase(boolean due) {
            super("pi", NOW.minus(Duration.ofDays(60)));
            this.due = due;
        }

        @Override
        public boolean isDueForErasure(Instant cutoff) {
            return due && cutoff.equals(NOW.minus(RETENTION));
        }

        @Override
        protected void clearPersonalData() {
            personal = null;
        }
    }

    /** Counts the transactions; commits and rolls back nothing. */
    static class CountingTransactions implements PlatformTransactionManager {
        int begun;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            begun++;
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }

    @SuppressWarnings("unchecked")
    private final JpaRepository<TestCase, Long> cases = mock(JpaRepository.class);
    private final CountingTransactions transactions = new CountingTransactions();
    private final RetentionSweep sweep = new RetentionSweep("Test service", Clock.fixed(NOW, ZoneOffset.UTC), transactions);
    private final List<Long> erasedAfterwards = new ArrayList<>();

    @Test
    void shouldEraseEachDueCaseInItsOwnTransactionAndSkipOneNoLongerDue() {
        TestCase due = new TestCase(true);
        TestCase notDueAnyMore = new TestCase(false);
        when(cases.findById(1L)).thenReturn(Optional.of(due));
        when(cases.findById(2L)).thenReturn(Optional.of(notDueAnyMore));
        when(cases.findById(3L)).thenReturn(Optional.empty());
        List<Instant> cutoffs = new ArrayList<>();

        int erased = sweep.run(RETENTION, cutoff -> {
            cutoffs.add(cutoff);
            return List.of(1L, 2L, 3L);
        }, cases, (caseId, at) -> {
            assertThat(at).isEqualTo(NOW);
            erasedAfterwards.add(caseId);
        });

        assertThat(erased).isEqualTo(1);
        assertThat(cutoffs).containsExactly(NOW.minus(RETENTION));
        assertThat(due.personal).isNull();
        assertThat(due.getPersonalDataErasedAt()).isEqualTo(NOW);
        assertThat(due.isPersonalDataErased()).isTrue();
        assertThat(notDueAnyMore.personal).isEqualTo("Kanarya");
        assertThat(notDueAnyMore.isPersonalDataErased()).isFalse();
        assertThat(erasedAfterwards).containsExactly(1L);
        verify(cases).saveAndFlush(due);
        verify(cases, never()).saveAndFlush(notDueAnyMore);
        assertThat(transactions.begun).as("one to find the due cases, one per case").isEqualTo(4);
    }

    @Test
    void shouldPostponeACaseChangedConcurrentlyOrFailingAndEraseTheOthers() {
        TestCase concurrent = new TestCase(true);
        TestCase failing = new TestCase(true);
        TestCase fine = new TestCase(true);
        when(cases.findById(1L)).thenReturn(Optional.of(concurrent));
        when(cases.findById(2L)).thenReturn(Optional.of(failing));
        when(cases.findById(3L)).thenReturn(Optional.of(fine));
        when(cases.saveAndFlush(any())).thenAnswer(call -> {
            Object saved = call.getArgument(0);
            if (saved == concurrent) {
                throw new OptimisticLockingFailureException("changed");
            }
            if (saved == failing) {
                throw new IllegalStateException("disk full");
            }
            return saved;
        });

        int erased = sweep.run(RETENTION, cutoff -> List.of(1L, 2L, 3L), cases, (caseId, at) -> erasedAfterwards.add(caseId));

        assertThat(erased).isEqualTo(1);
        assertThat(erasedAfterwards).containsExactly(3L);
    }

    @Test
    void shouldEraseNothingWhenNothingIsDue() {
        assertThat(sweep.run(RETENTION, cutoff -> List.of(), cases, (caseId, at) -> erasedAfterwards.add(caseId))).isZero();
        assertThat(erasedAfterwards).isEmpty();
    }
}
