package tr.bel.izmit.kadinaile.courses;

import java.util.EnumSet;
import java.util.Set;

/** Where a course application stands, as our records keep it. */
public enum EnrollmentStatus {
    SUBMITTED,
    INTERVIEW,
    INTERVIEW_REJECTED,
    WAITLISTED,
    ENROLLED,
    NOT_PLACED,
    WITHDRAWN,
    COMPLETED,
    DROPPED_OUT;

    /** Applications that still hold, or wait for, a place in their course. */
    public static final Set<EnrollmentStatus> ACTIVE = EnumSet.of(SUBMITTED, INTERVIEW, WAITLISTED, ENROLLED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
