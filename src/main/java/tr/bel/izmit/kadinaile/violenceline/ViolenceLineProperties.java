package tr.bel.izmit.kadinaile.violenceline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the violence line's case store.
 *
 * @param dataKey base64 of the 32-byte AES key of the personal data; production sets it from the
 *     environment variable {@code VIOLENCE_LINE_DATA_KEY}. Never stored in the database or the repository.
 * @param retention how long after closure the personal data of a case is erased (unless on legal hold)
 * @param retentionCron when the erasure runs (Spring cron, Turkish time)
 */
@ConfigurationProperties("app.violence-line")
public record ViolenceLineProperties(
    String dataKey,
    @DefaultValue("P30D") Duration retention,
    @DefaultValue("0 30 3 * * *") String retentionCron) {

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ViolenceLineProperties[dataKey=" + (dataKey == null || dataKey.isBlank() ? "<missing>" : "<set>")
            + ", retention=" + retention + ", retentionCron=" + retentionCron + "]";
    }
}
