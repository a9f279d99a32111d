package tr.bel.izmit.kadinaile.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CompactIdGeneratorProperties {

    @Property
    void shouldWriteEveryUuidInTwentySixDigitsThatReadBackAsItsBits(@ForAll long high, @ForAll long low) {
        String id = CompactIdGenerator.encode(new UUID(high, low));

        assertThat(id).hasSize(CompactIdGenerator.LENGTH).matches("[0-7][0-9a-v]{25}");
        assertThat(new BigInteger(id, 32)).isEqualTo(unsigned(high, low));
    }

    @Property
    void shouldOrderIdsAsTheirUuidsAreOrdered(@ForAll long high1, @ForAll long low1, @ForAll long high2, @ForAll long low2) {
        int bits = unsigned(high1, low1).compareTo(unsigned(high2, low2));
        int text = CompactIdGenerator.encode(new UUID(high1, low1)).compareTo(CompactIdGenerator.encode(new UUID(high2, low2)));

        assertThat(Integer.signum(text)).isEqualTo(Integer.signum(bits));
    }

    /** The UUID's 128 bits as an unsigned number. */
    private static BigInteger unsigned(long high, long low) {
        return new BigInteger(Long.toUnsignedString(high)).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }
}
