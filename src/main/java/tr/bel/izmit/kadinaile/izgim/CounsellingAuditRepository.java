package tr.bel.izmit.kadinaile.izgim;

import tr.bel.izmit.kadinaile.sensitive.AccessAuditLog;

/** The counselling access audit, append-only (the kit's {@link AccessAuditLog}). */
interface CounsellingAuditRepository extends AccessAuditLog<CounsellingAudit> {
}
