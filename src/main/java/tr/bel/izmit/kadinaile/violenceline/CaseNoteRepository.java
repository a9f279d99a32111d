package tr.bel.izmit.kadinaile.violenceline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseNoteRepository extends JpaRepository<CaseNote, Long> {

    List<CaseNote> findByCaseIdOrderByCreatedAtAscIdAsc(Long caseId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from CaseNote n where n.caseId = :caseId")
    int deleteByCaseId(@Param("caseId") Long caseId);
}
