/**
 * İzmit Çarşısı producer onboarding ({@code producer-onboarding}) and, in {@code producers.stands}, market-stand
 * requests ({@code market-stand-request}).
 */
@ApplicationModule(displayName = "İzmit Çarşısı producers")
package tr.bel.izmit.kadinaile.producers;

import org.springframework.modulith.ApplicationModule;
