package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer, error answers included: no content-type sniffing, no referrer leaving the site (the phone
 * page's address may carry an ID token in its fragment, and receipts sit in paths), a Content-Security-Policy that
 * allows only the engine's own scripts and styles files (no inline script, no inline style attribute) and no framing
 * (clickjacking the console), and, when the engine is configured as served over TLS, HSTS.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  // Names and values as pre-encoded ASCII: Netty copies them as they are instead of encoding Strings per answer.
  private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
  private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
  private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
  private static final CharSequence CSP_VALUE = HttpHeaders.createOptimized(CSP);
  private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");
  private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
  private static final CharSequence HSTS_NAME = HttpHeaders.createOptimized("Strict-Transport-Security");

  private final CharSequence hsts;

  /** @param hstsSeconds the max-age of Strict-Transport-Security; 0 sends none (the engine is not behind TLS) */
  public SecurityHeaders(int hstsSeconds) {
    this.hsts = hstsSeconds > 0 ? HttpHeaders.createOptimized("max-age=" + hstsSeconds + "; includeSubDomains") : null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set(NOSNIFF_NAME, NOSNIFF);
    headers.set(REFERRER_NAME, NO_REFERRER);
    headers.set(CSP_NAME, CSP_VALUE);
    headers.set(FRAME_NAME, DENY);
    if (hsts != null) {
      headers.set(HSTS_NAME, hsts);
    }
    ctx.next();
  }
}
