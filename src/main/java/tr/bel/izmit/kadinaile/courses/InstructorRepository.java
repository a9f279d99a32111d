package tr.bel.izmit.kadinaile.courses;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstructorRepository extends JpaRepository<Instructor, Long> {

    List<Instructor> findAllByOrderByFullName();
}
