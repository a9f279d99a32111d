package tr.bel.izmit.kadinaile.microcredit;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LoanRepository extends JpaRepository<Loan, Long> {

    Optional<Loan> findByApplicationId(Long applicationId);

    boolean existsByTcKimlikNoAndStatus(String tcKimlikNo, Loan.Status status);

    @Query("select count(i) > 0 from Installment i, Loan l where i.loanId = l.id and l.tcKimlikNo = :tc "
        + "and i.paidAt is null and i.dueDate < :today")
    boolean hasOverdueInstallment(@Param("tc") String tcKimlikNo, @Param("today") LocalDate today);
}
