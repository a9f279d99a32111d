package tr.bel.izmit.kadinaile.producers;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProducerRepository extends JpaRepository<Producer, Long> {

    Optional<Producer> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    @Query("select count(p) > 0 from Producer p where p.applicant.tcKimlikNo = :tcKimlikNo and p.status in :statuses")
    boolean existsByTcKimlikNoAndStatusIn(@Param("tcKimlikNo") String tcKimlikNo,
        @Param("statuses") Collection<ProducerStatus> statuses);

    boolean existsByTaxNumberAndStatusIn(String taxNumber, Collection<ProducerStatus> statuses);
}
