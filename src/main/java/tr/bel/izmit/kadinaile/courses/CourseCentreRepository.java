package tr.bel.izmit.kadinaile.courses;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseCentreRepository extends JpaRepository<CourseCentre, Long> {

    boolean existsByCode(String code);

    List<CourseCentre> findAllByOrderByName();
}
