package tr.bel.izmit.kadinaile.violenceline;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * The access audit, append-only: save and read, deliberately no update or delete methods (the database
 * enforces the same on PostgreSQL).
 */
public interface AccessAuditRepository extends Repository<AccessAudit, Long> {

    AccessAudit save(AccessAudit audit);

    Optional<AccessAudit> findById(Long id);

    List<AccessAudit> findByCaseIdOrderByIdAsc(Long caseId);

    long countByCaseIdAndAction(Long caseId, AccessAudit.Action action);
}
