/**
 * Checksums and formats of Turkish identifiers (T.C. Kimlik No, Vergi Kimlik No, IBAN, mobile phone), published to
 * every module.
 */
@NamedInterface("validation")
package tr.bel.izmit.kadinaile.common.validation;

import org.springframework.modulith.NamedInterface;
