package tr.bel.izmit.kadinaile.courses;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByNumber(String number);

    Optional<Certificate> findByApplicationId(Long applicationId);

    boolean existsByNumber(String number);
}
