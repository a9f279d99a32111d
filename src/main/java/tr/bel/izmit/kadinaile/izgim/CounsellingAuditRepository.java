package tr.bel.izmit.kadinaile.izgim;

import java.util.List;

import org.springframework.data.repository.Repository;

/** The access audit, append-only: save and read, deliberately no update or delete methods. */
interface CounsellingAuditRepository extends Repository<CounsellingAudit, Long> {

    CounsellingAudit save(CounsellingAudit audit);

    List<CounsellingAudit> findByCaseIdOrderByIdAsc(Long caseId);
}
