package tr.bel.izmit.kadinaile.courses;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByNumber(String number);

    // Written as JPQL, not derived from the name: a derived query is a criteria query, which Hibernate 6.6 interprets
    // anew at every call; a JPQL string is interpreted once (query plan cache). These run on every application.
    @Query("select c from Certificate c where c.applicationId = :applicationId")
    Optional<Certificate> findByApplicationId(@Param("applicationId") Long applicationId);

    @Query("select count(c) > 0 from Certificate c where c.number = :number")
    boolean existsByNumber(@Param("number") String number);
}
