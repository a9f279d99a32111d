/**
 * The shared kernel: time zone and clock, Turkish formats, tracking codes, Kocaeli's districts, validation errors;
 * the validators of identity numbers, IBANs and phone numbers ({@code common::validation}) and the web plumbing every
 * controller shares ({@code common::web}). It names no other module.
 */
@ApplicationModule(displayName = "Common kernel")
package tr.bel.izmit.kadinaile.common;

import org.springframework.modulith.ApplicationModule;
