package tr.bel.izmit.kadinaile.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The property harness itself: it finds a counterexample, shrinks it, reports the seed, and repeats itself. */
class PropertyCheckTests {

    @Test
    void shouldShrinkAFailingNumberToTheSmallestCounterexampleAndReportTheSeed() {
        assertThatThrownBy(() -> forAll(1000, Gen.ints(0, 1_000_000), number -> assertThat(number).isLessThan(500)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("seed " + PropertyCheck.DEFAULT_SEED)
            .hasMessageContaining("-Dproperty.seed=")
            .hasMessageContaining("shrunk: [500]");
    }

    @Test
    void shouldShrinkAFailingStringToItsSmallestCounterexample() {
        assertThatThrownBy(() -> forAll(1000, Gen.strings(Gen.charRange('a', 'z'), 0, 50),
            text -> assertThat(text).doesNotContain("q")))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("shrunk: [\"q\"]");
    }

    @Test
    void shouldShrinkAFailingListByDroppingElements() {
        assertThatThrownBy(() -> forAll(1000, Gen.lists(Gen.ints(0, 9), 0, 30), digits -> assertThat(digits).hasSizeLessThan(3)))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("shrunk: [[0, 0, 0]]");
    }

    @Test
    void shouldRunEveryTryAndTheEdgeCases() {
        AtomicInteger tries = new AtomicInteger();
        List<Long> seen = new ArrayList<>();
        forAll(300, Gen.longs(), number -> {
            tries.incrementAndGet();
            seen.add(number);
        });

        assertThat(tries).hasValue(300);
        assertThat(seen).contains(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void shouldNotCountRejectedInputsAsTries() {
        AtomicInteger checked = new AtomicInteger();
        forAll(200, Gen.ints(0, 9), digit -> {
            PropertyCheck.assume(digit % 2 == 0);
            checked.incrementAndGet();
        });

        assertThat(checked).hasValue(200);
    }

    @Test
    void shouldDrawTheSameValuesFromTheSameSeed() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        forAll(200, Gen.strings(Gen.anyChar(), 0, 40), first::add);
        forAll(200, Gen.strings(Gen.anyChar(), 0, 40), second::add);

        assertThat(first).isEqualTo(second);
        assertThat(String.join("", first).chars().anyMatch(c -> Character.isSurrogate((char) c)))
            .as("any UTF-16 code unit, lone surrogates included").isTrue();
    }
}
