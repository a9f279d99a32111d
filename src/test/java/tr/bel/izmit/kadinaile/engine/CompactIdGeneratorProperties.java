package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static tr.bel.izmit.kadinaile.support.PropertyCheck.forAll;

import java.math.BigInteger;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tr.bel.izmit.kadinaile.support.Gen;

class CompactIdGeneratorProperties {

    @Test
    void shouldWriteEveryUuidInTwentySixDigitsThatReadBackAsItsBits() {
        forAll(1000, Gen.longs(), Gen.longs(), (high, low) -> {
            String id = CompactIdGenerator.encode(new UUID(high, low));

            assertThat(id).hasSize(CompactIdGenerator.LENGTH).matches("[0-7][0-9a-v]{25}");
            assertThat(new BigInteger(id, 32)).isEqualTo(unsigned(high, low));
        });
    }

    @Test
    void shouldOrderIdsAsTheirUuidsAreOrdered() {
        forAll(1000, Gen.longs(), Gen.longs(), Gen.longs(), Gen.longs(), (high1, low1, high2, low2) -> {
            int bits = unsigned(high1, low1).compareTo(unsigned(high2, low2));
            int text = CompactIdGenerator.encode(new UUID(high1, low1)).compareTo(CompactIdGenerator.encode(new UUID(high2, low2)));

            assertThat(Integer.signum(text)).isEqualTo(Integer.signum(bits));
        });
    }

    /** The UUID's 128 bits as an unsigned number. */
    private static BigInteger unsigned(long high, long low) {
        return new BigInteger(Long.toUnsignedString(high)).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }
}
