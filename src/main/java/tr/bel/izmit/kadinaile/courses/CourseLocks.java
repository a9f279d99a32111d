package tr.bel.izmit.kadinaile.courses;

import java.util.NoSuchElementException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a course row for the rest of the transaction ({@code select ... for update}) and reloads it under the
 * lock. A plain locking query is not enough: if the course was read earlier in the same transaction, the
 * persistence context would hand back that earlier, possibly stale copy, and two nodes would count the same
 * seat twice. Pending changes are flushed first so that the reload keeps them.
 */
@Component
class CourseLocks {

    @PersistenceContext
    private EntityManager entityManager;

    @Transactional(propagation = Propagation.MANDATORY)
    public Course lock(Long courseId) {
        Course course = entityManager.find(Course.class, courseId);
        if (course == null) {
            throw new NoSuchElementException("course " + courseId);
        }
        entityManager.flush();
        entityManager.refresh(course, LockModeType.PESSIMISTIC_WRITE);
        return course;
    }
}
