package tr.bel.izmit.kadinaile.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /** JPQL, not derived from the name: a derived query is a criteria query, interpreted anew at every call. */
    @Query("select count(m) > 0 from OutboxMessage m where m.dedupKey = :dedupKey")
    boolean existsByDedupKey(@Param("dedupKey") String dedupKey);

    List<OutboxMessage> findByDedupKeyStartingWithOrderByIdAsc(String dedupKeyPrefix);

    /** Pending messages that are due: new ones, and failed ones whose pause before the next attempt is over. */
    @Query("select m.id from OutboxMessage m where m.status = 'PENDING' and (m.nextAttemptAt is null or m.nextAttemptAt <= :now) "
        + "order by m.id")
    List<Long> findPendingIds(@Param("now") Instant now, Limit limit);

    long countByStatus(OutboxMessage.Status status);

    long countByStatusAndChannel(OutboxMessage.Status status, Channel channel);

    /**
     * Claims a pending message for sending; exactly one dispatcher (on any node) gets 1 back. Native SQL, as
     * {@link #markSent}: Hibernate 6 caches no plan of a JPQL update and translated these two anew for every message
     * (a tenth of the year simulation's processor time, docs/benchmarks.md); the columns are those of the entity.
     */
    @Modifying
    @Query(nativeQuery = true, value = "update notification_outbox set status = 'SENDING', attempts = attempts + 1, "
        + "claimed_at = :claimedAt, version = version + 1 where id = :id and status = 'PENDING'")
    int claim(@Param("id") Long id, @Param("claimedAt") Instant claimedAt);

    /** Messages claimed before this instant and still not sent nor failed: their node stopped mid-send. */
    @Query("select m from OutboxMessage m where m.status = 'SENDING' and m.claimedAt < :claimedBefore order by m.id")
    List<OutboxMessage> findInterrupted(@Param("claimedBefore") Instant claimedBefore, Limit limit);

    /** An interrupted send that may be repeated: pending again (same dedup key, so the provider drops a repeat). */
    @Modifying
    @Query("update OutboxMessage m set m.status = 'PENDING', m.lastError = 'INTERRUPTED', m.version = m.version + 1 "
        + "where m.id = :id and m.status = 'SENDING' and m.claimedAt < :claimedBefore")
    int requeueInterrupted(@Param("id") Long id, @Param("claimedBefore") Instant claimedBefore);

    /** An interrupted send that must not be repeated: failed, for staff to check whether it arrived. */
    @Modifying
    @Query("update OutboxMessage m set m.status = 'FAILED', m.lastError = 'INTERRUPTED', m.version = m.version + 1 "
        + "where m.id = :id and m.status = 'SENDING' and m.claimedAt < :claimedBefore")
    int abandonInterrupted(@Param("id") Long id, @Param("claimedBefore") Instant claimedBefore);

    /** A claimed message went out (native SQL: see {@link #claim}). */
    @Modifying
    @Query(nativeQuery = true, value = "update notification_outbox set status = 'SENT', sent_at = :sentAt, last_error = null, "
        + "version = version + 1 where id = :id and status = 'SENDING'")
    int markSent(@Param("id") Long id, @Param("sentAt") Instant sentAt);

    /**
     * A failed attempt: back to pending for another try not before {@code nextAttemptAt}, or failed for good after
     * the last attempt.
     */
    @Modifying
    @Query("update OutboxMessage m set m.status = case when m.attempts >= :maxAttempts then 'FAILED' else 'PENDING' end, "
        + "m.lastError = :error, m.nextAttemptAt = :nextAttemptAt, m.version = m.version + 1 where m.id = :id and m.status = 'SENDING'")
    int markFailed(@Param("id") Long id, @Param("error") String error, @Param("maxAttempts") int maxAttempts,
        @Param("nextAttemptAt") Instant nextAttemptAt);

    /** A failure that another attempt cannot mend (the provider says the number is invalid): failed at once. */
    @Modifying
    @Query("update OutboxMessage m set m.status = 'FAILED', m.lastError = :error, m.nextAttemptAt = null, m.version = m.version + 1 "
        + "where m.id = :id and m.status = 'SENDING'")
    int markUndeliverable(@Param("id") Long id, @Param("error") String error);
}
