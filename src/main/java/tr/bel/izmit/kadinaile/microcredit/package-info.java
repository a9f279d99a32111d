/**
 * The İZGİM interest-free microcredit: process {@code microcredit-application}, applications, loans, installments.
 */
@ApplicationModule(displayName = "İZGİM microcredit")
package tr.bel.izmit.kadinaile.microcredit;

import org.springframework.modulith.ApplicationModule;
