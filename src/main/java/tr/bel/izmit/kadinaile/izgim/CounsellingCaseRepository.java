package tr.bel.izmit.kadinaile.izgim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CounsellingCaseRepository extends JpaRepository<CounsellingCase, Long> {

    Optional<CounsellingCase> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    @Query("select c.id from CounsellingCase c where c.status = tr.bel.izmit.kadinaile.sensitive.SensitiveCase.Status.CLOSED"
        + " and c.personalDataErasedAt is null and c.closedAt <= :cutoff")
    List<Long> findIdsDueForErasure(@Param("cutoff") Instant cutoff);
}
