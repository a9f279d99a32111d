package tr.bel.izmit.kadinaile.courses;

import java.util.List;

import org.springframework.stereotype.Component;

import tr.bel.izmit.kadinaile.documents.RequiredDocumentsSupport;

/** The documents of an İZMEK course application (texts {@code documents.course-enrollment.*}). */
@Component
class CourseDocuments extends RequiredDocumentsSupport {

    CourseDocuments() {
        super(CourseProcess.KEY, CourseProcess.TRACKING_PREFIX, List.of("identity", "diploma"), null);
    }
}
