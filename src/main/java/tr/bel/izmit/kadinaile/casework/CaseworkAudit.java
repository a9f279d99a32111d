package tr.bel.izmit.kadinaile.casework;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit of the case view and the person search (tables of V22, append-only on PostgreSQL). A view row names the
 * fields shown, never their values; a search row keeps the kind of key and an HMAC-SHA256 of the normalised term
 * under {@code app.casework.audit-key} (Base64, 32 bytes; the environment's {@code CASEWORK_AUDIT_KEY}), so that an
 * investigator who knows a term can find the searches for it, while the table alone reveals none. Without a key a
 * random one is made at start-up (the demo): hashes then match only within one run.
 */
@Component
class CaseworkAudit {

    enum Outcome {
        /** The fields were shown. */
        SHOWN,
        /** The task is not hers, or her role sees nothing of the case. */
        REFUSED,
        /** A confidential case asked for a reason and none (or too short a one) was given. */
        REASON_MISSING
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkAudit.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretKeySpec key;

    CaseworkAudit(JdbcTemplate jdbc, Clock clock, @Value("${app.casework.audit-key:}") String auditKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = new SecretKeySpec(keyBytes(auditKey), "HmacSHA256");
    }

    void view(String userId, String processKey, String processInstanceId, String taskId, String reference,
            List<String> fields, String reason, Outcome outcome, String remoteAddress) {
        jdbc.update("insert into cw_case_view_audit (viewed_at, user_id, process_key, process_instance_id, task_id,"
            + " case_reference, fields, reason, outcome, remote_address) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            now(), truncate(userId, 64), truncate(processKey, 64), truncate(processInstanceId, 64), truncate(taskId, 64),
            truncate(reference, 40), truncate(String.join(",", fields), 1000), truncate(reason, 600), outcome.name(),
            truncate(remoteAddress, 64));
    }

    void search(String userId, PersonKey personKey, int resultCount, List<String> processKeys, String remoteAddress) {
        jdbc.update("insert into cw_person_search_audit (searched_at, user_id, key_kind, key_hash, result_count, services,"
            + " remote_address) values (?, ?, ?, ?, ?, ?, ?)", now(), truncate(userId, 64), personKey.kind().name(),
            hash(personKey), resultCount, truncate(String.join(",", processKeys), 500), truncate(remoteAddress, 64));
    }

    /** The keyed hash of a normalised search key, as the audit keeps it. */
    String hash(PersonKey personKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((personKey.kind() + ":" + personKey.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static byte[] keyBytes(String auditKey) {
        if (auditKey == null || auditKey.isBlank()) {
            LOG.warn("app.casework.audit-key is not set: person searches are audited with a random key of this run");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] bytes = Base64.getDecoder().decode(auditKey.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("app.casework.audit-key must be at least 32 bytes (Base64)");
        }
        return bytes;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
