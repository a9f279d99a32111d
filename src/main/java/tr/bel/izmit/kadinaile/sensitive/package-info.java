/**
 * Data with its own key: the shared kit of the services whose personal data is encrypted column by column with a key
 * of their own (today the violence line and İZGİM counselling). The key's start-up check ({@link DataKey},
 * {@link DataKeyGuard}), the one cipher ({@link SensitiveCipher}) and the base of each key's JPA converter
 * ({@link EncryptedAttributeConverter}), the shape of an append-only access audit ({@link AccessAuditEntry},
 * {@link AccessAuditLog}) and the retention sweep ({@link RetentionSweep}). Each service keeps its own key, tables
 * and entities; this module names none of them.
 */
@ApplicationModule(displayName = "Sensitive data with its own key")
package tr.bel.izmit.kadinaile.sensitive;

import org.springframework.modulith.ApplicationModule;
