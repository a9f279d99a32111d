/**
 * The citizens' portal and public JSON API. It names no capability: each capability opens its service through a
 * {@link PublicService} bean.
 */
@ApplicationModule(displayName = "Public portal")
package tr.bel.izmit.kadinaile.portal;

import org.springframework.modulith.ApplicationModule;
