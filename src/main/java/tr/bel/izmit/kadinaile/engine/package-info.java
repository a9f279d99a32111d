/**
 * The customisation of the embedded Camunda engine: which beans models reach ({@link ModelBeans}, contributed by the
 * capabilities through {@link ModelBeanContribution}), model safety, personal data kept out of the engine's tables
 * ({@link SensitiveVariables}), staff users and technical engine calls. Its API is its public types; the plugins
 * and listeners are internal.
 */
@ApplicationModule(displayName = "Engine customisation")
package tr.bel.izmit.kadinaile.engine;

import org.springframework.modulith.ApplicationModule;
