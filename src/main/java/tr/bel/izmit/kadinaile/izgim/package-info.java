/**
 * İZGİM centre: counselling and dietitian appointments (process {@code izgim-counselling}) with the session
 * calendar ({@code izgim.calendar}), the children's library and seminars.
 */
@ApplicationModule(displayName = "İZGİM centre")
package tr.bel.izmit.kadinaile.izgim;

import org.springframework.modulith.ApplicationModule;
