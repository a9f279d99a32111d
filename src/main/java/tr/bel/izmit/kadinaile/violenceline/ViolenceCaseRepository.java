package tr.bel.izmit.kadinaile.violenceline;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ViolenceCaseRepository extends JpaRepository<ViolenceCase, Long> {

    boolean existsByCaseCode(String caseCode);

    /** Closed before the cutoff, not on legal hold, not erased yet. */
    @Query("select c.id from ViolenceCase c where c.status = tr.bel.izmit.kadinaile.sensitive.SensitiveCase.Status.CLOSED"
        + " and c.closedAt < :cutoff and c.legalHold = false and c.personalDataErasedAt is null order by c.id")
    List<Long> findIdsDueForErasure(@Param("cutoff") Instant cutoff);
}
