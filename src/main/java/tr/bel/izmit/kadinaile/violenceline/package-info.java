/**
 * The domestic-violence emergency line: process {@code violence-line-referral}, its encrypted case data, referrals,
 * follow-ups and anonymous statistics; confidential to the line's groups.
 */
@ApplicationModule(displayName = "Violence line")
package tr.bel.izmit.kadinaile.violenceline;

import org.springframework.modulith.ApplicationModule;
