package org.pingyi.auth;

import io.vertx.ext.web.RoutingContext;

/** The token of an {@code Authorization: Bearer …} header, or null. */
public final class Bearer {
  private Bearer() {}

  public static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
