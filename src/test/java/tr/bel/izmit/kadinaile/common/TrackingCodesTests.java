package tr.bel.izmit.kadinaile.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TrackingCodesTests {

    @Test
    void shouldLookLikeMk7f3k9q2xAndAvoidLettersThatAreMisheard() {
        for (int i = 0; i < 1000; i++) {
            String code = TrackingCodes.generate("MK");
            assertThat(code).matches("MK-[0-9A-Z]{4}-[0-9A-Z]{4}").doesNotContain("I", "L", "O", "U");
            assertThat(TrackingCodes.isWellFormed(code)).isTrue();
        }
        assertThat(TrackingCodes.isWellFormed("MK-7F3K-9Q2")).isFalse();
        assertThat(TrackingCodes.isWellFormed("MK-7F3K-9Q2I")).isFalse();
        assertThatThrownBy(() -> TrackingCodes.generate("mk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCarryFortyBitsSpreadEvenlyOverTheAlphabet() {
        // 32 symbols (5 bits) at 8 positions: 40 bits. With 200,000 codes every symbol appears at every
        // position about 6,250 times; a biased generator (modulo bias, fixed positions) would stand out.
        int codes = 200_000;
        Map<Character, int[]> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes; i++) {
            String symbols = TrackingCodes.generate("MK").substring(3).replace("-", "");
            seen.add(symbols);
            for (int position = 0; position < 8; position++) {
                counts.computeIfAbsent(symbols.charAt(position), c -> new int[8])[position]++;
            }
        }
        assertThat(TrackingCodes.ALPHABET).hasSize(32);
        assertThat(counts).hasSize(32);
        double expected = codes / 32.0;
        for (int[] perPosition : counts.values()) {
            for (int count : perPosition) {
                // more than 6 standard deviations away from the mean would mean a broken generator
                assertThat(Math.abs(count - expected)).isLessThan(6 * Math.sqrt(expected));
            }
        }
        // birthday bound: 200,000 draws from 2^40 collide with probability ~1.8e-2; allow at most a handful
        assertThat(codes - seen.size()).isLessThanOrEqualTo(3);
    }
}
