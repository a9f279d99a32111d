package tr.bel.izmit.kadinaile.microcredit;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MicrocreditApplicationRepository extends JpaRepository<MicrocreditApplication, Long> {

    Optional<MicrocreditApplication> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    /** Whether this person has an open application (see {@link ApplicationStatus#isOpen()}). */
    @Query("select count(a) > 0 from MicrocreditApplication a where a.openTcKimlikNo = :tcKimlikNo")
    boolean hasOpenApplication(@Param("tcKimlikNo") String tcKimlikNo);

    Optional<MicrocreditApplication> findByProcessInstanceId(String processInstanceId);
}
