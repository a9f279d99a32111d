package tr.bel.izmit.kadinaile.courses;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CourseApplicationRepository extends JpaRepository<CourseApplication, Long> {

    Optional<CourseApplication> findByTrackingCode(String trackingCode);

    // Written as JPQL, not derived from the name: a derived query is a criteria query, which Hibernate 6.6 interprets
    // anew at every call; a JPQL string is interpreted once (query plan cache). These run on every application.
    @Query("select count(a) > 0 from CourseApplication a where a.trackingCode = :trackingCode")
    boolean existsByTrackingCode(@Param("trackingCode") String trackingCode);

    @Query("select a from CourseApplication a where a.applicant.tcKimlikNo = :tcKimlikNo and a.status in :statuses")
    List<CourseApplication> findByTcKimlikNoAndStatusIn(@Param("tcKimlikNo") String tcKimlikNo,
        @Param("statuses") Collection<EnrollmentStatus> statuses);

    @Query("select count(a) > 0 from CourseApplication a where a.courseId = :courseId and a.status = :status")
    boolean existsByCourseIdAndStatus(@Param("courseId") Long courseId, @Param("status") EnrollmentStatus status);

    @Query("select a from CourseApplication a where a.courseId = :courseId and a.status = :status order by a.applicant.fullName")
    List<CourseApplication> findByCourseIdAndStatusOrderByFullName(@Param("courseId") Long courseId, @Param("status") EnrollmentStatus status);

    /** The waiting line of a course, first in line first. */
    @Query("select a from CourseApplication a where a.courseId = :courseId and a.status = tr.bel.izmit.kadinaile.courses.EnrollmentStatus.WAITLISTED "
        + "order by a.waitlistTier, a.waitlistSeq")
    List<CourseApplication> waitlistOf(@Param("courseId") Long courseId);

    /** Her place in line: 1 + those ahead of her (a lower tier, or the same tier and an earlier number). */
    @Query("select count(a) + 1 from CourseApplication a where a.courseId = :courseId "
        + "and a.status = tr.bel.izmit.kadinaile.courses.EnrollmentStatus.WAITLISTED "
        + "and (a.waitlistTier < :tier or (a.waitlistTier = :tier and a.waitlistSeq < :seq))")
    long positionInLine(@Param("courseId") Long courseId, @Param("tier") int tier, @Param("seq") int seq);

    /** Whether she dropped out of a course of this term. */
    @Query("select count(a) > 0 from CourseApplication a, Course c where a.courseId = c.id and a.applicant.tcKimlikNo = :tcKimlikNo "
        + "and c.term = :term and a.status = tr.bel.izmit.kadinaile.courses.EnrollmentStatus.DROPPED_OUT")
    boolean droppedOutIn(@Param("tcKimlikNo") String tcKimlikNo, @Param("term") String term);
}
