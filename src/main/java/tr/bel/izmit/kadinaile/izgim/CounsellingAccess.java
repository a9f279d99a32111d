package tr.bel.izmit.kadinaile.izgim;

import java.util.Set;

import tr.bel.izmit.kadinaile.identity.StaffGroup;
import tr.bel.izmit.kadinaile.izgim.calendar.CounsellingService;

/**
 * Who may see what of a counselling case (KVKK Art. 6: health data). In one place, so that the staff API and the
 * tests name the same rules:
 * <ul>
 * <li>a session note: its author and the counselling supervisors only — not other professionals, officers, managers
 * or administrators;</li>
 * <li>writing a note: the case's own professional, while she is in the service's group;</li>
 * <li>the client's record (contact, reason, preferred times, the child's age): the case's professional, the
 * supervisors and, except for a child's record, the İZGİM officers who run the desk; a child's record only the
 * child psychologists and their supervisors.</li>
 * </ul>
 */
final class CounsellingAccess {

    /** The user asking, with her groups. */
    record Caller(String userId, Set<String> groups) {

        boolean in(StaffGroup group) {
            return groups.contains(group.id());
        }
    }

    private CounsellingAccess() {
    }

    /** The group whose professionals give the service. */
    static StaffGroup groupOf(CounsellingService service) {
        return switch (service) {
            case CHILD_PSYCHOLOGY -> IzgimGroups.CHILD_PSYCHOLOGISTS;
            case DIETITIAN -> IzgimGroups.DIETITIANS;
            case ADULT_PSYCHOLOGY, FAMILY_PSYCHOLOGY -> IzgimGroups.PSYCHOLOGISTS;
        };
    }

    static boolean isSupervisor(Caller caller) {
        return caller.in(IzgimGroups.COUNSELLING_SUPERVISORS);
    }

    static boolean mayReadRecord(Caller caller, CounsellingCase c) {
        if (isSupervisor(caller)) {
            return true;
        }
        if (c.isChildRecord()) {
            return caller.in(IzgimGroups.CHILD_PSYCHOLOGISTS);
        }
        return caller.in(StaffGroup.IZGIM_OFFICERS) || isOwnProfessional(caller, c);
    }

    /** Whether the caller may ask for the case's notes at all (she then sees her own, a supervisor all). */
    static boolean mayReadNotes(Caller caller, CounsellingCase c) {
        if (isSupervisor(caller)) {
            return true;
        }
        return caller.in(groupOf(c.getService()));
    }

    static boolean mayReadNote(Caller caller, SessionNote note) {
        return isSupervisor(caller) || note.getAuthor().equals(caller.userId());
    }

    static boolean mayWriteNote(Caller caller, CounsellingCase c) {
        return isOwnProfessional(caller, c);
    }

    private static boolean isOwnProfessional(Caller caller, CounsellingCase c) {
        return caller.userId().equals(c.getProfessionalId()) && caller.in(groupOf(c.getService()));
    }
}
