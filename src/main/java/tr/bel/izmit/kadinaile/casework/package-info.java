/**
 * Casework: the case's protected data next to a Tasklist task (the "Vaka bilgileri" tab) and the person search, both
 * behind the web apps' own login and both audited. A shared module: it learns about the services through
 * {@link tr.bel.izmit.kadinaile.casework.CaseFiles}, which each capability implements for its process, and names
 * none of them.
 */
@ApplicationModule(displayName = "Casework: case view and person search")
package tr.bel.izmit.kadinaile.casework;

import org.springframework.modulith.ApplicationModule;
