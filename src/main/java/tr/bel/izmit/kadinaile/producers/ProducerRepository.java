package tr.bel.izmit.kadinaile.producers;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProducerRepository extends JpaRepository<Producer, Long> {

    Optional<Producer> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    boolean existsByTcKimlikNoAndStatusIn(String tcKimlikNo, Collection<ProducerStatus> statuses);

    boolean existsByTaxNumberAndStatusIn(String taxNumber, Collection<ProducerStatus> statuses);
}
