package tr.bel.izmit.kadinaile.microcredit;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MicrocreditApplicationRepository extends JpaRepository<MicrocreditApplication, Long> {

    Optional<MicrocreditApplication> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    Optional<MicrocreditApplication> findByProcessInstanceId(String processInstanceId);
}
