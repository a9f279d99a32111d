package tr.bel.izmit.kadinaile.violenceline.access;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface LineAccessRequestRepository extends Repository<LineAccessRequest, Long> {

    LineAccessRequest save(LineAccessRequest request);

    Optional<LineAccessRequest> findById(Long id);

    List<LineAccessRequest> findTop200ByOrderByIdDesc();
}
