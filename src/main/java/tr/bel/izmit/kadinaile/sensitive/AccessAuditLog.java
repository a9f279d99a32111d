package tr.bel.izmit.kadinaile.sensitive;

import java.util.List;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The base of each service's audit repository: save and read, deliberately no update or delete methods (the database
 * enforces the same on PostgreSQL).
 */
@NoRepositoryBean
public interface AccessAuditLog<T extends AccessAuditEntry> extends Repository<T, Long> {

    T save(T audit);

    List<T> findByCaseIdOrderByIdAsc(Long caseId);
}
