package tr.bel.izmit.kadinaile.producers;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProducerStatusChangeRepository extends JpaRepository<ProducerStatusChange, Long> {

    List<ProducerStatusChange> findByProducerIdOrderById(Long producerId);
}
