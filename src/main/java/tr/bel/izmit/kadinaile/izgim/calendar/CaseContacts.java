package tr.bel.izmit.kadinaile.izgim.calendar;

import java.util.Optional;

import tr.bel.izmit.kadinaile.notification.Addressee;

/**
 * Whom to remind of a session. Implemented by the counselling case store, which holds the client's contact data;
 * the calendar keeps none.
 */
public interface CaseContacts {

    Optional<Addressee> addresseeOf(String caseKey);
}
