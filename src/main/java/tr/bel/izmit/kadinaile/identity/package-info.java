/**
 * Camunda identity, groups and authorizations: each capability's access to its processes, the administrators'
 * limits, the confidential processes' guards, logins.
 */
@ApplicationModule(displayName = "Identity and access")
package tr.bel.izmit.kadinaile.identity;

import org.springframework.modulith.ApplicationModule;
