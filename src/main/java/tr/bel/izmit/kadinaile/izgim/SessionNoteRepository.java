package tr.bel.izmit.kadinaile.izgim;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SessionNoteRepository extends JpaRepository<SessionNote, Long> {

    List<SessionNote> findByCaseIdOrderByCreatedAtAscIdAsc(Long caseId);

    long deleteByCaseId(Long caseId);
}
