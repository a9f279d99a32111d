/**
 * The web plumbing every controller shares: error bodies and the exception handler, conflicts, rate-limit
 * buckets, trusted proxies and the staff API's group check, published to every module.
 */
@NamedInterface("web")
package tr.bel.izmit.kadinaile.common.web;

import org.springframework.modulith.NamedInterface;
