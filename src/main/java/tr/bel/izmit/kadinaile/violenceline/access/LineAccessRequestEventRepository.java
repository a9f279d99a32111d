package tr.bel.izmit.kadinaile.violenceline.access;

import java.util.List;

import org.springframework.data.repository.Repository;

/** The events of access requests, append-only: save and read, no update or delete. */
public interface LineAccessRequestEventRepository extends Repository<LineAccessRequestEvent, Long> {

    LineAccessRequestEvent save(LineAccessRequestEvent event);

    List<LineAccessRequestEvent> findByRequestIdOrderByIdAsc(Long requestId);
}
