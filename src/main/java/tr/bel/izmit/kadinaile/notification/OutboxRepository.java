package tr.bel.izmit.kadinaile.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    boolean existsByDedupKey(String dedupKey);

    List<OutboxMessage> findByDedupKeyStartingWithOrderByIdAsc(String dedupKeyPrefix);

    @Query("select m.id from OutboxMessage m where m.status = 'PENDING' order by m.id")
    List<Long> findPendingIds(Limit limit);

    long countByStatus(OutboxMessage.Status status);

    /** Claims a pending message for sending; exactly one dispatcher (on any node) gets 1 back. */
    @Modifying
    @Query("update OutboxMessage m set m.status = 'SENDING', m.attempts = m.attempts + 1, m.version = m.version + 1 "
        + "where m.id = :id and m.status = 'PENDING'")
    int claim(@Param("id") Long id);

    @Modifying
    @Query("update OutboxMessage m set m.status = 'SENT', m.sentAt = :sentAt, m.lastError = null, m.version = m.version + 1 "
        + "where m.id = :id and m.status = 'SENDING'")
    int markSent(@Param("id") Long id, @Param("sentAt") Instant sentAt);

    /** A failed attempt: back to pending for another try, or failed for good after the last attempt. */
    @Modifying
    @Query("update OutboxMessage m set m.status = case when m.attempts >= :maxAttempts then 'FAILED' else 'PENDING' end, "
        + "m.lastError = :error, m.version = m.version + 1 where m.id = :id and m.status = 'SENDING'")
    int markFailed(@Param("id") Long id, @Param("error") String error, @Param("maxAttempts") int maxAttempts);
}
