package tr.bel.izmit.kadinaile.courses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tr.bel.izmit.kadinaile.casework.CaseFiles;
import tr.bel.izmit.kadinaile.casework.PersonKey;
import tr.bel.izmit.kadinaile.casework.PersonQueries;
import tr.bel.izmit.kadinaile.common.Texts;
import tr.bel.izmit.kadinaile.common.TurkishFormats;

/**
 * A course application in the "Vaka bilgileri" tab: the coordinators see the applicant's name, phone (for the
 * pre-interview), birth date and the course; the instructors (attendance) her name and the course. The coordinators
 * search the open applications.
 */
@Component
class CourseCaseFiles implements CaseFiles {

    private static final String COORDINATORS = CoursesIdentityContribution.COURSE_COORDINATORS.id();
    private static final String INSTRUCTORS = CoursesIdentityContribution.INSTRUCTORS.id();

    private final EntityManager entities;

    CourseCaseFiles(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public String processKey() {
        return CourseProcess.KEY;
    }

    @Override
    public String service() {
        return Texts.get("courses.case-view.service");
    }

    @Override
    public Set<String> searchGroups() {
        return Set.of(COORDINATORS);
    }

    @Override
    public Set<String> viewGroups() {
        return Set.of(COORDINATORS, INSTRUCTORS);
    }

    @Override
    public List<CaseField> fieldsFor(Set<String> groupIds) {
        if (groupIds.contains(COORDINATORS)) {
            return List.of(field("fullName"), field("phone"), field("birthDate"), field("course"));
        }
        if (groupIds.contains(INSTRUCTORS)) {
            return List.of(field("fullName"), field("course"));
        }
        return List.of();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseRecord> read(String processInstanceId, List<CaseField> fields, String userId, String remoteAddress) {
        return entities.createQuery("select a from CourseApplication a where a.processInstanceId = :instance", CourseApplication.class)
            .setParameter("instance", processInstanceId).getResultList().stream().findFirst().map(a -> {
                Course course = entities.find(Course.class, a.getCourseId());
                Map<String, String> all = new LinkedHashMap<>();
                all.put("fullName", a.getFullName());
                all.put("phone", a.getPhone() == null ? null : "0" + a.getPhone());
                all.put("birthDate", a.getBirthDate() == null ? null : TurkishFormats.DATE.format(a.getBirthDate()));
                all.put("course", course == null ? null : course.getTitle() + " (" + course.getCode() + ", "
                    + course.getCentre().getName() + ")");
                Map<String, String> shown = new LinkedHashMap<>();
                fields.forEach(f -> shown.put(f.key(), all.get(f.key())));
                return new CaseRecord(a.getTrackingCode(), shown);
            });
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseMatch> search(PersonKey key, int limit) {
        return PersonQueries.find(entities, CourseApplication.class, key, "applicant.fullName", "applicant.tcKimlikNo",
                "applicant.phone", "submittedAt", CourseApplication::getFullName).stream()
            .filter(a -> a.getStatus().isActive()).limit(limit)
            .map(a -> new CaseMatch(a.getProcessInstanceId(), a.getTrackingCode())).toList();
    }

    private static CaseField field(String key) {
        return new CaseField(key, Texts.get("courses.case-view.field." + key));
    }
}
