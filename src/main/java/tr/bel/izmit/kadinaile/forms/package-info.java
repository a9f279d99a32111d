/**
 * The server-side Camunda Forms engine: the deployed forms' schemas ({@link FormRegistry}, {@link FormSchema}) and
 * the validation of a submission against them ({@link FormValidator}), shared by the portal and the engine's form
 * submission guard.
 */
@ApplicationModule(displayName = "Forms engine")
package tr.bel.izmit.kadinaile.forms;

import org.springframework.modulith.ApplicationModule;
