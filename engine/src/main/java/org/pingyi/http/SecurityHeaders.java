package org.pingyi.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
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

  private final String hsts;

  /** @param hstsSeconds the max-age of Strict-Transport-Security; 0 sends none (the engine is not behind TLS) */
  public SecurityHeaders(int hstsSeconds) {
    this.hsts = hstsSeconds > 0 ? "max-age=" + hstsSeconds + "; includeSubDomains" : null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    MultiMap headers = ctx.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Frame-Options", "DENY");
    if (hsts != null) {
      headers.set("Strict-Transport-Security", hsts);
    }
    ctx.next();
  }
}
