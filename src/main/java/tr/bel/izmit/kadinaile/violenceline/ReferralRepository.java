package tr.bel.izmit.kadinaile.violenceline;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferralRepository extends JpaRepository<Referral, Long> {

    List<Referral> findByCaseIdOrderByIdAsc(Long caseId);
}
