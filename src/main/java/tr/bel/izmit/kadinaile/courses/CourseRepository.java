package tr.bel.izmit.kadinaile.courses;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CourseRepository extends JpaRepository<Course, Long>, JpaSpecificationExecutor<Course> {

    // Written as JPQL, not derived from the name: a derived query is a criteria query, which Hibernate 6.6 interprets
    // anew at every call; a JPQL string is interpreted once (query plan cache). These run on every application.
    @Query("select c from Course c where c.code = :code")
    Optional<Course> findByCode(@Param("code") String code);

    boolean existsByCode(String code);

}
