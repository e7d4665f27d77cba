package org.pingyi.keys;

import io.vertx.ext.web.Router;

/** GET /api/v1/keys (public): the JWKS of the result-signing public keys, current and retired. */
public final class KeysRoutes {
  private final String jwks;

  public KeysRoutes(ResultKeys keys) {
    this.jwks = keys.published().toString(true);
  }

  public void mount(Router router) {
    router.get("/api/v1/keys").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/jwk-set+json")
        .putHeader("Cache-Control", "public, max-age=300")
        .end(jwks));
  }
}
