package tr.bel.izmit.kadinaile.identity;

import java.util.List;

/**
 * A demo staff user (demo profile only), declared by the capability whose work she shows.
 *
 * @param id her user id (also her e-mail's local part)
 * @param groups the groups she belongs to
 */
public record DemoUser(String id, String firstName, String lastName, List<StaffGroup> groups) {

    public DemoUser {
        groups = List.copyOf(groups);
    }
}
