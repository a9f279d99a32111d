package tr.bel.izmit.kadinaile.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The audit row's shape: always a user, user and address cut to their columns; the log has no way to change a row. */
class AccessAuditEntryTests {

    static class Entry extends AccessAuditEntry {
        Entry(Long caseId, String userId, String remoteAddress) {
            super(caseId, userId, Instant.parse("2026-03-08T09:00:00Z"), remoteAddress);
        }
    }

    @Test
    void shouldRefuseAnAuditWithoutAUser() {
        assertThatThrownBy(() -> new Entry(1L, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Entry(1L, " ", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCutUserAndAddressToTheirColumns() {
        Entry entry = new Entry(null, "u".repeat(100), "1".repeat(80));

        assertThat(entry.getUserId()).hasSize(64);
        assertThat(entry.getRemoteAddress()).hasSize(64);
        assertThat(entry.getCaseId()).isNull();
        assertThat(new Entry(7L, AccessAuditEntry.SYSTEM_USER, null).getRemoteAddress()).isNull();
    }

    @Test
    void shouldOfferNoUpdateOrDeleteInTheLog() {
        assertThat(Arrays.stream(AccessAuditLog.class.getMethods()).map(Method::getName))
            .containsExactlyInAnyOrder("save", "findByCaseIdOrderByIdAsc");
    }
}
