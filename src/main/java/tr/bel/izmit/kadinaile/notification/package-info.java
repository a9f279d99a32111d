/**
 * SMS and e-mail to citizens through an outbox table, sent after the transaction commits.
 */
@ApplicationModule(displayName = "Notifications")
package tr.bel.izmit.kadinaile.notification;

import org.springframework.modulith.ApplicationModule;
