package tr.bel.izmit.kadinaile.izgim;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the counselling case store.
 *
 * @param dataKey base64 of the 32-byte AES key of the counselling data (contact, reason, the child's age, session
 *     notes); production sets it from the environment variable {@code IZGIM_DATA_KEY}. Separate from the violence
 *     line's key; never stored in the database or the repository.
 * @param retention how long after closure the personal data and notes of a case are erased (as the violence line's)
 * @param retentionCron when the erasure runs (Spring cron, Turkish time)
 * @param bookingRetry how long a case waits for the next booking attempt when the professional's calendar is full
 */
@ConfigurationProperties("app.izgim")
public record IzgimProperties(
    String dataKey,
    @DefaultValue("P30D") Duration retention,
    @DefaultValue("0 40 3 * * *") String retentionCron,
    @DefaultValue("P1D") Duration bookingRetry) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "IzgimProperties[dataKey=" + (dataKey == null || dataKey.isBlank() ? "<missing>" : "<set>")
            + ", retention=" + retention + ", retentionCron=" + retentionCron + ", bookingRetry=" + bookingRetry + "]";
    }
}
