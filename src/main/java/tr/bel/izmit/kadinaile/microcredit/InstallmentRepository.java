package tr.bel.izmit.kadinaile.microcredit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InstallmentRepository extends JpaRepository<Installment, Long> {

    List<Installment> findByLoanIdOrderBySequence(Long loanId);

    Optional<Installment> findByLoanIdAndSequence(Long loanId, int sequence);

    long countByLoanIdAndPaidAtIsNull(Long loanId);
}
