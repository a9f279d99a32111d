package tr.bel.izmit.kadinaile.izgim;

import java.util.List;

import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * The centre's professional groups. The desk is run by the shared {@link StaffGroup#IZGIM_OFFICERS}; a session note
 * is read by its author and the supervisor of its service only.
 */
public final class IzgimGroups {

    public static final StaffGroup PSYCHOLOGISTS = new StaffGroup("psychologists", "Psikologlar");
    public static final StaffGroup CHILD_PSYCHOLOGISTS = new StaffGroup("child-psychologists", "Çocuk Psikologları");
    public static final StaffGroup DIETITIANS = new StaffGroup("dietitians", "Diyetisyenler");
    /** The supervisors of the counselling services (clinical supervision; reads the notes of their service). */
    public static final StaffGroup COUNSELLING_SUPERVISORS =
        new StaffGroup("counselling-supervisors", "Danışmanlık Süpervizörleri");

    public static final List<StaffGroup> ALL =
        List.of(PSYCHOLOGISTS, CHILD_PSYCHOLOGISTS, DIETITIANS, COUNSELLING_SUPERVISORS);

    private IzgimGroups() {
    }
}
