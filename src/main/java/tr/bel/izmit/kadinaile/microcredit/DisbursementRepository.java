package tr.bel.izmit.kadinaile.microcredit;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DisbursementRepository extends JpaRepository<Disbursement, Long> {

    Optional<Disbursement> findByLoanId(Long loanId);
}
