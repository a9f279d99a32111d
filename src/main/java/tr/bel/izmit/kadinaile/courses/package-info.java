/**
 * İZMEK course enrollment: process {@code course-enrollment}, centres, courses, seats, waitlist, certificates.
 */
@ApplicationModule(displayName = "İZMEK courses")
package tr.bel.izmit.kadinaile.courses;

import org.springframework.modulith.ApplicationModule;
