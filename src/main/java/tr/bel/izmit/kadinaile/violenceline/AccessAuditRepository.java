package tr.bel.izmit.kadinaile.violenceline;

import java.util.Optional;

import tr.bel.izmit.kadinaile.sensitive.AccessAuditLog;

/** The line's access audit, append-only (the kit's {@link AccessAuditLog}). */
public interface AccessAuditRepository extends AccessAuditLog<AccessAudit> {

    Optional<AccessAudit> findById(Long id);

    long countByCaseIdAndAction(Long caseId, AccessAudit.Action action);
}
